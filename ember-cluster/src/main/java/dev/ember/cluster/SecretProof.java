package dev.ember.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a party knows the cluster's secret, without the secret ever being sent. A caller sends
 * a token {@code TIME.NONCE.MAC} with each call, where MAC is HMAC-SHA256 under the secret of the
 * time (epoch milliseconds), a random nonce, the method and the authority ({@code host:port}) called.
 * The server accepts a token whose MAC is right (compared in constant time), whose time is within
 * {@link #MAX_SKEW_MILLIS} of its own clock, and whose nonce it has not seen yet; it answers with
 * its own proof, the MAC of the caller's token, so that a caller knows it talks to the cluster too.
 *
 * <p>The nonces seen are kept for the skew window, at most {@link #REPLAY_CACHE_SIZE} of them: when
 * more come within the window, the oldest are dropped and tokens no newer than them are refused as
 * stale, so a replay is refused either way.
 */
final class SecretProof {
    static final long MAX_SKEW_MILLIS = 5 * 60_000;
    static final int REPLAY_CACHE_SIZE = 100_000;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int NONCE_BYTES = 16;

    private final SecretKeySpec key;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final int replayCacheSize;
    private final PriorityQueue<Seen> seenByTime = new PriorityQueue<>();
    private final Set<String> seenNonces = new HashSet<>();
    /** Tokens of this time or older are refused: their nonces may have been dropped from the cache. */
    private long refusedUpTo = Long.MIN_VALUE;

    private record Seen(long time, String nonce) implements Comparable<Seen> {
        @Override
        public int compareTo(Seen other) {
            return Long.compare(time, other.time);
        }
    }

    SecretProof(String secret) {
        this(secret, System::currentTimeMillis, REPLAY_CACHE_SIZE);
    }

    SecretProof(String secret, LongSupplier clock, int replayCacheSize) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = clock;
        this.replayCacheSize = replayCacheSize;
    }

    /** A fresh token for one call of {@code method} on {@code authority}. */
    String token(String method, String authority) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String time = Long.toString(clock.getAsLong());
        String nonceText = HexFormat.of().formatHex(nonce);
        return time + "." + nonceText + "." + encode(mac("call", time, nonceText, method, authority));
    }

    /** Why {@code token} does not prove the secret for a call of {@code method} on {@code authority}; empty when it does. */
    Optional<String> refusal(String token, String method, String authority) {
        if (token == null) {
            return Optional.of("no proof was sent");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of("the proof is malformed");
        }
        long time;
        byte[] presented;
        try {
            time = Long.parseLong(parts[0]);
            presented = Base64.getUrlDecoder().decode(parts[2]);
        } catch (RuntimeException e) {
            return Optional.of("the proof is malformed");
        }
        if (!MessageDigest.isEqual(presented, mac("call", parts[0], parts[1], method, authority))) {
            return Optional.of("the proof does not match the secret");
        }
        long now = clock.getAsLong();
        if (Math.abs(now - time) > MAX_SKEW_MILLIS) {
            return Optional.of("the proof is stale: its time is " + (now - time) / 1000 + " s from this server's clock (at most "
                    + MAX_SKEW_MILLIS / 1000 + " s allowed)");
        }
        return remember(time, parts[1], now) ? Optional.empty() : Optional.of("the proof was used before (a replay)");
    }

    /** Records a nonce; false when it was seen already or is too old to tell. */
    private synchronized boolean remember(long time, String nonce, long now) {
        while (!seenByTime.isEmpty() && seenByTime.peek().time() < now - MAX_SKEW_MILLIS) {
            seenNonces.remove(seenByTime.poll().nonce());
        }
        if (time <= refusedUpTo || seenNonces.contains(nonce)) {
            return false;
        }
        while (seenByTime.size() >= replayCacheSize) {
            Seen oldest = seenByTime.poll();
            seenNonces.remove(oldest.nonce());
            refusedUpTo = Math.max(refusedUpTo, oldest.time());
        }
        if (time <= refusedUpTo) {
            return false;
        }
        seenByTime.add(new Seen(time, nonce));
        seenNonces.add(nonce);
        return true;
    }

    /** The server's answer to a caller's (accepted) token. */
    String reply(String token) {
        return encode(mac("reply", token));
    }

    /** Whether {@code reply} is the server's answer to {@code token}, made with the secret. */
    boolean provesReply(String token, String reply) {
        if (reply == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Base64.getUrlDecoder().decode(reply), mac("reply", token));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String... fields) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (String field : fields) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                // Each field with its length first, so that no two lists of fields give the same bytes.
                mac.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SecretProof";
    }
}
