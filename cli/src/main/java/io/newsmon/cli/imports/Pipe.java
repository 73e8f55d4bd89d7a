package io.newsmon.cli.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from one writing thread (the WARC converter) to the reader of an upload, at most {@link
 * #CHUNKS} chunks of {@link #CHUNK_BYTES} in between, so a large archive never sits in memory. Unlike the JDK's
 * piped streams it does not care which threads read: the HTTP client reads from its pool. When the reader closes,
 * the writer's next write fails, so a conversion stops when its upload has ended; a writer that fails hands its
 * failure to the reader.
 */
final class Pipe {

    static final int CHUNK_BYTES = 64 * 1024;
    static final int CHUNKS = 16;

    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;

    private final Output output = new Output();
    private final Input input = new Input();

    OutputStream output() {
        return output;
    }

    Input input() {
        return input;
    }

    /** Ends the stream with {@code failure}: the reader's next read throws it, wrapped. */
    void fail(Throwable failure) {
        try {
            put(failure);
        } catch (IOException e) {
            // the reader has gone: nobody is left to tell
        }
    }

    private void put(Object item) throws IOException {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) {
                    throw new IOException("the upload stopped reading");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing on the JSON lines");
        }
        // END handed on is the normal ending: a reader that took it and closed has read everything
        if (readerClosed && item != END) {
            queue.clear();
            throw new IOException("the upload stopped reading");
        }
    }

    private final class Output extends OutputStream {
        private final byte[] buffer = new byte[CHUNK_BYTES];
        private int filled;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (filled == buffer.length) {
                push();
            }
            buffer[filled++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == buffer.length) {
                    push();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            push();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                push();
                closed = true;
                put(END);
            }
        }

        private void push() throws IOException {
            if (closed && filled > 0) {
                throw new IOException("the pipe is closed");
            }
            if (filled > 0) {
                put(Arrays.copyOf(buffer, filled));
                filled = 0;
            }
        }
    }

    final class Input extends InputStream {
        private byte[] chunk = END;
        private int pos;
        private boolean ended;

        /** Waits for the first bytes; false when the writer closed without writing any. */
        boolean awaitData() throws IOException {
            return more();
        }

        private boolean more() throws IOException {
            while (pos == chunk.length) {
                if (ended) {
                    return false;
                }
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for the JSON lines");
                }
                if (item instanceof Throwable t) {
                    ended = true;
                    throw new IOException("the WARC conversion failed: " + t, t);
                }
                byte[] b = (byte[]) item;
                if (b == END) {
                    ended = true;
                    return false;
                }
                chunk = b;
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return more() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return chunk.length - pos;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    }
}
