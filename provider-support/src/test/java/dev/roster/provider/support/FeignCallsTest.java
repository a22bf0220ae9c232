package dev.roster.provider.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.roster.NotFoundException;
import dev.roster.ErrorDetails;
import dev.roster.ProviderConfigurationException;
import dev.roster.ProviderUnavailableException;
import dev.roster.spi.Redactor;
import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FeignCalls turns what Feign throws into typed Roster errors, without credentials")
class FeignCallsTest {

    private static final String KEY = "sk-admin-supporttest0042";
    private static final URI BASE = URI.create("http://127.0.0.1:9/v1");
    private static final Request REQUEST = Request.create(Request.HttpMethod.GET, BASE + "/things", Map.of(), null,
            StandardCharsets.UTF_8, null);

    private final FeignCalls calls = new FeignCalls("Acme", "acme", BASE, Redactor.of(List.of(KEY)));

    private static RetryableException io(IOException cause) {
        return new RetryableException(-1, cause.getMessage(), Request.HttpMethod.GET, cause, (Long) null, REQUEST);
    }

    @Test
    @DisplayName("passes answers and the error decoder's exceptions through unchanged")
    void passesThrough() {
        String read = calls.read("list things", () -> "a", (String answer) -> answer.toUpperCase(java.util.Locale.ROOT));
        assertThat(read).isEqualTo("A");
        NotFoundException notFound = new NotFoundException("gone", ErrorDetails.of("acme"), null);
        assertThat(catchThrowable(() -> calls.run("find a thing", () -> {
            throw notFound;
        }))).isSameAs(notFound);
    }

    @Test
    @DisplayName("names the read and connect timeouts, and any other I/O failure, as an unavailable vendor")
    void io() {
        Throwable read = catchThrowable(() -> calls.run("list things", () -> {
            throw io(new SocketTimeoutException("Read timed out"));
        }));
        assertThat(read).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("Could not list things: Acme at " + BASE + " did not answer within the read timeout");
        Throwable call = catchThrowable(() -> calls.run("list things", () -> {
            throw io(new InterruptedIOException("timeout"));
        }));
        assertThat(call).hasMessageContaining("did not answer within the read timeout");
        Throwable connect = catchThrowable(() -> calls.run("list things", () -> {
            throw io(new SocketTimeoutException("Connect timed out"));
        }));
        assertThat(connect).hasMessageContaining("within the connect timeout");
        Throwable other = catchThrowable(() -> calls.run("list things", () -> {
            throw io(new IOException("reset by " + KEY));
        }));
        assertThat(other).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("did not answer (IOException")
                .hasMessageNotContaining(KEY);
        assertThat(String.valueOf(other.getCause())).doesNotContain(KEY);
    }

    @Test
    @DisplayName("a 2xx body that is not the JSON expected, or an answer the mapping refuses, is an unknown outcome")
    void unreadable() {
        Throwable decode = catchThrowable(() -> calls.run("find a thing", () -> {
            throw new DecodeException(200, "Unrecognized token 'oops'", REQUEST);
        }));
        assertThat(decode).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 200")
                .hasMessageContaining("not the JSON expected");
        Throwable mapping = catchThrowable(() -> calls.read("find a thing", () -> "x", answer -> {
            throw new IllegalArgumentException("an answer without an id, echoing " + KEY);
        }));
        assertThat(mapping).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("could not be mapped")
                .hasMessageContaining("without an id").hasMessageNotContaining(KEY);
    }

    @Test
    @DisplayName("after close, every call is refused before it runs")
    void closed() {
        calls.close();
        calls.close();
        boolean[] ran = {false};
        assertThat(catchThrowable(() -> calls.run("list things", () -> ran[0] = true)))
                .isInstanceOf(ProviderConfigurationException.class).hasMessageContaining("closed; load a new one to list things");
        assertThat(ran[0]).isFalse();
    }
}
