package dev.ember.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's address, as cluster daemons advertise it by default (loopback when it has none). */
final class LocalAddress {
    private LocalAddress() {
    }

    static String get() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
