package io.newsmon.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pipe between the WARC converter and the upload: bounded, in order, and stopping either side cleanly. */
@Timeout(30)
class PipeTest {

    private static final int TOTAL = 8 * 1024 * 1024;

    @Test
    void eightMebibytesGoThroughInOrderWhileTheWriterIsNeverFarAhead() throws Exception {
        Pipe pipe = new Pipe();
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = pipe.output()) {
                byte[] line = new byte[1000];
                for (int i = 0; i < TOTAL / line.length; i++) {
                    Arrays.fill(line, (byte) ('a' + i % 26));
                    out.write(line);
                    written.addAndGet(line.length);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long mostAhead = 0;
        try (Pipe.Input in = pipe.input()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
                mostAhead = Math.max(mostAhead, written.get() - read.size());
            }
        }
        writer.get(10, TimeUnit.SECONDS);
        byte[] all = read.toByteArray();
        assertThat(all).hasSize(TOTAL / 1000 * 1000);
        for (int i = 0; i < all.length; i += 1000) {
            assertThat(all[i]).isEqualTo((byte) ('a' + (i / 1000) % 26));
        }
        // what the queue holds, the chunk being filled, the one in the reader's hands, and one in flight
        assertThat(mostAhead).isLessThanOrEqualTo((long) (Pipe.CHUNKS + 3) * Pipe.CHUNK_BYTES);
    }

    @Test
    void theWriterFailsOnceTheReaderHasClosed() throws Exception {
        Pipe pipe = new Pipe();
        pipe.input().close();
        OutputStream out = pipe.output();
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        out.write(new byte[Pipe.CHUNK_BYTES]);
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessage("the upload stopped reading");
    }

    @Test
    void aWriterThatFailsHandsItsFailureToTheReader() throws Exception {
        Pipe pipe = new Pipe();
        byte[] line = "{\"url\":\"https://a.example/\"}\n".getBytes(StandardCharsets.UTF_8);
        pipe.output().write(line);
        pipe.output().flush();
        pipe.fail(new OutOfMemoryError("Java heap space"));
        Pipe.Input in = pipe.input();
        assertThat(in.awaitData()).isTrue();
        assertThat(in.readNBytes(line.length)).isEqualTo(line);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("Java heap space");
    }

    @Test
    void aWriterThatClosesWithoutWritingEndsTheStream() throws Exception {
        Pipe pipe = new Pipe();
        pipe.output().close();
        assertThat(pipe.input().awaitData()).isFalse();
        assertThat(pipe.input().read()).isEqualTo(-1);
    }
}
