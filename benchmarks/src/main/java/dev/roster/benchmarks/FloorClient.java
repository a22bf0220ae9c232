package dev.roster.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The floor: one kept-alive socket, a precomputed request, the answer read into a reused buffer and
 * not parsed. What it takes is the loopback server's cost plus the kernel's, so it shows how much of
 * a client's time is the server's (it must be a small part, or the server is the bottleneck).
 */
final class FloorClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;
    private byte[] buffer = new byte[64 * 1024];

    FloorClient(String uri, String authorization) {
        URI target = URI.create(uri);
        String pathAndQuery = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + target.getPort()
                + "\r\nAuthorization: " + authorization + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), target.getPort());
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request and reads the whole answer; returns the body's length. */
    int call() {
        try {
            out.write(request);
            out.flush();
            int filled = 0;
            int headerEnd = -1;
            while (headerEnd < 0) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    throw new IOException("the server closed the connection");
                }
                filled += n;
                headerEnd = indexOfBlankLine(filled);
            }
            int length = contentLength(headerEnd);
            int total = headerEnd + length;
            if (total > buffer.length) {
                byte[] bigger = new byte[total];
                System.arraycopy(buffer, 0, bigger, 0, filled);
                buffer = bigger;
            }
            while (filled < total) {
                int n = in.read(buffer, filled, total - filled);
                if (n < 0) {
                    throw new IOException("the server closed the connection");
                }
                filled += n;
            }
            return length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int indexOfBlankLine(int filled) {
        for (int i = 3; i < filled; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private int contentLength(int headerEnd) throws IOException {
        String headers = new String(buffer, 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            throw new IOException("no Content-Length in " + headers);
        }
        int end = headers.indexOf('\r', at);
        return Integer.parseInt(headers.substring(at + "content-length:".length(), end).trim());
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
