package dev.ember.scheduler;

import dev.ember.sql.types.DataType;
import dev.ember.storage.ElementStreams;
import dev.ember.storage.SizeEstimator;
import dev.ember.vector.Batch;
import dev.ember.vector.BatchCodec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a shuffle's blocks are, for measuring them and writing them to disk: a query's columnar
 * batches ({@link BatchCodec} frames) or an RDD's records (Java serialization through
 * {@link ElementStreams}, compressed, as Spark compresses shuffle spills by default).
 */
public abstract class BlockFormat implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private BlockFormat() {
    }

    public static BlockFormat batches(List<DataType> types) {
        return new Batches(types);
    }

    public static BlockFormat records() {
        return Records.INSTANCE;
    }

    /** The block's size in memory (an estimate for records). */
    abstract long bytes(Object block);

    abstract long rows(Object block);

    /**
     * Whether segments written one after the other read back as one segment: then a segment can
     * be sent or copied as the bytes written, never decoded and encoded again.
     */
    abstract boolean concatenable();

    /** Writes blocks as one segment of a file; {@code out} stays open. */
    abstract void write(List<?> blocks, OutputStream out) throws IOException;

    /** Reads the blocks of one segment ({@code in} holds exactly it), closing {@code in} at its end. */
    abstract Iterator<Object> read(InputStream in, String source) throws IOException;

    private static final class Batches extends BlockFormat {
        private final List<DataType> types;

        Batches(List<DataType> types) {
            this.types = List.copyOf(types);
        }

        @Override
        long bytes(Object block) {
            return ((Batch) block).retainedBytes();
        }

        @Override
        long rows(Object block) {
            return ((Batch) block).rowCount();
        }

        @Override
        boolean concatenable() {
            return true; // a segment is a sequence of self-delimiting frames
        }

        @Override
        void write(List<?> blocks, OutputStream out) throws IOException {
            BatchCodec codec = new BatchCodec(types);
            for (Object block : blocks) {
                codec.write((Batch) block, out);
            }
        }

        @Override
        Iterator<Object> read(InputStream in, String source) {
            BatchCodec codec = new BatchCodec(types);
            return new Iterator<>() {
                private Batch next = advance();

                private Batch advance() {
                    try {
                        Batch batch = codec.read(in, source);
                        if (batch == null) {
                            in.close();
                        }
                        return batch;
                    } catch (IOException e) {
                        throw ShuffleStore.ioError("Reading a shuffle block", source, e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Object next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Batch batch = next;
                    next = advance();
                    return batch;
                }
            };
        }
    }

    private static final class Records extends BlockFormat {
        static final Records INSTANCE = new Records();

        private Object readResolve() {
            return INSTANCE;
        }

        @Override
        long bytes(Object block) {
            return SizeEstimator.estimate(block) + 8;
        }

        @Override
        long rows(Object block) {
            return 1;
        }

        @Override
        boolean concatenable() {
            return false; // each segment is one compressed stream with its own end
        }

        @Override
        void write(List<?> blocks, OutputStream out) throws IOException {
            // The element stream closes what it writes to (ending its compression); the file stays open.
            ElementStreams.write(blocks.iterator(), new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, true);
        }

        @Override
        Iterator<Object> read(InputStream in, String source) throws IOException {
            return ElementStreams.read(in, true, source);
        }
    }
}
