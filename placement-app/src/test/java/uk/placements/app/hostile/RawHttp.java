package uk.placements.app.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte to a socket: any method token, any bytes in the request target and header values,
 * any body, so Tomcat's own parsing meets what a hostile client sends (the JDK's HttpClient refuses to send most of
 * it). One request per connection ({@code Connection: close}); the answer is read to the end of the stream.
 */
final class RawHttp {

    /** An answer; {@code status} 0 when the server closed the connection without one. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request: {@code target} and header values are raw bytes (ISO-8859-1 for chars up to 0xFF). */
    record Request(byte[] method, byte[] target, List<byte[][]> headers, byte[] body) {
        String describe() {
            StringBuilder s = new StringBuilder(latin1(method)).append(' ').append(clip(latin1(target), 300));
            for (byte[][] h : headers) {
                s.append("\n  ").append(latin1(h[0])).append(": ").append(clip(latin1(h[1]), 200));
            }
            if (body != null) {
                s.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(clip(new String(body, StandardCharsets.UTF_8), 300));
            }
            return s.toString();
        }
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Answer send(Request request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(request.method());
            out.write(' ');
            out.write(request.target());
            out.write(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            for (byte[][] header : request.headers()) {
                out.write(header[0]);
                out.write(": ".getBytes(StandardCharsets.US_ASCII));
                out.write(header[1]);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (request.body() != null) {
                out.write(("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            if (request.body() != null) {
                out.write(request.body());
            }
            byte[] response;
            try {
                OutputStream os = socket.getOutputStream();
                os.write(out.toByteArray());
                os.flush();
            } catch (SocketException refusedMidway) {
                // the server may answer (413, 400) and close before reading a large body: read what it said
            }
            response = readAll(socket.getInputStream());
            return parse(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a reset after the answer (the server closed with unread body bytes): keep what arrived
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = latin1(raw);
        int end = text.indexOf("\r\n\r\n");
        if (raw.length == 0 || end < 0) {
            return new Answer(0, Map.of(), raw);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip(), (a, b) -> a + "," + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
