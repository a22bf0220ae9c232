package dev.roster.provider.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;

/**
 * Binds a 2xx answer's JSON to the API method's return type, reading the body's bytes directly:
 * Jackson's UTF-8 byte parser, instead of feign-jackson's {@code JacksonDecoder}, which reads through
 * a {@link java.io.Reader} (a char decoding pass and its buffers on every call). An empty body is
 * {@code null} (the adapter's mapping then finds the answer unreadable); a body that is not the
 * JSON expected is an {@link IOException}, which Feign reports as a
 * {@link feign.codec.DecodeException} with the status, as before.
 */
final class JsonBodyDecoder implements Decoder {

    private final ObjectMapper json;

    JsonBodyDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.status() == 404 || response.status() == 204) {
            return Util.emptyValueOf(type);
        }
        if (response.body() == null) {
            return null;
        }
        try (InputStream body = response.body().asInputStream()) {
            PushbackInputStream in = new PushbackInputStream(body, 1);
            int first = in.read();
            if (first == -1) {
                return null;
            }
            in.unread(first);
            return json.readValue(in, json.constructType(type));
        }
    }
}
