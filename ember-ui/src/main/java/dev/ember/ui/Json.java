package dev.ember.ui;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one Jackson mapper of the UI, the REST API and the event log. A class of its own so that
 * Jackson loads on the first JSON written or read (a REST call, an event logged, on the listener
 * bus's thread), not while the session starts.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
