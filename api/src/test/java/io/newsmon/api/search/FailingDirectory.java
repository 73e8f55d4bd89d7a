package io.newsmon.api.search;

import java.io.IOException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/** A directory whose writes fail while {@link #failing} is set, as a full disk's do. */
final class FailingDirectory extends FilterDirectory {

    volatile boolean failing;

    FailingDirectory(Directory in) {
        super(in);
    }

    private void check() throws IOException {
        if (failing) {
            throw new IOException("No space left on device");
        }
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        check();
        return new FailingOutput(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        check();
        return new FailingOutput(in.createTempOutput(prefix, suffix, context));
    }

    @Override
    public void sync(java.util.Collection<String> names) throws IOException {
        check();
        in.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
        check();
        in.rename(source, dest);
    }

    /** An output that fails its writes once the directory fails. */
    private final class FailingOutput extends IndexOutput {
        private final IndexOutput out;

        FailingOutput(IndexOutput out) {
            super("failing(" + out + ")", out.getName());
            this.out = out;
        }

        @Override
        public void writeByte(byte b) throws IOException {
            check();
            out.writeByte(b);
        }

        @Override
        public void writeBytes(byte[] b, int offset, int length) throws IOException {
            check();
            out.writeBytes(b, offset, length);
        }

        @Override
        public long getFilePointer() {
            return out.getFilePointer();
        }

        @Override
        public long getChecksum() throws IOException {
            return out.getChecksum();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
