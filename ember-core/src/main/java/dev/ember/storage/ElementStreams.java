package dev.ember.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Elements written as a stream of Java-serialized objects ended by a marker: the format of
 * serialized cached blocks, blocks on disk, checkpoints and object files. It is Ember's own; Spark
 * writes Hadoop SequenceFiles, which cannot be read or written without Hadoop.
 */
public final class ElementStreams {
    /** Objects written between two resets of the stream's back-reference table, which would otherwise hold every element. */
    private static final int RESET_INTERVAL = 256;

    private ElementStreams() {
    }

    /** Marks the end of the elements. */
    private enum End implements Serializable {
        INSTANCE
    }

    /** Writes the elements and the end marker; returns how many were written. Closes {@code out}. */
    public static long write(Iterator<?> elements, OutputStream out, boolean compress) throws IOException {
        OutputStream target = compress ? new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED), 64 << 10) : out;
        long count = 0;
        try (ObjectOutputStream objects = new ObjectOutputStream(target)) {
            while (elements.hasNext()) {
                objects.writeObject(elements.next());
                if (++count % RESET_INTERVAL == 0) {
                    objects.reset();
                }
            }
            objects.writeObject(End.INSTANCE);
        }
        return count;
    }

    public static byte[] toBytes(Iterable<?> elements, boolean compress) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(elements.iterator(), bytes, compress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static <T> Iterator<T> fromBytes(byte[] bytes, boolean compress) {
        try {
            return read(new ByteArrayInputStream(bytes), compress, "a serialized block");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One object serialized with {@link ObjectOutputStream} (a task sent to an executor, say). */
    public static byte[] writeObject(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One object serialized with {@link ObjectOutputStream}, read back (a copy of a closure, say). */
    public static Object readObject(byte[] bytes) {
        try (ObjectInputStream in = objectInput(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + e.getMessage() + " not found", e);
        }
    }

    /** Resolves classes through the thread's context class loader first (the application's, under {@code ember submit}). */
    private static ObjectInputStream objectInput(InputStream in) throws IOException {
        return new ObjectInputStream(in) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader != null) {
                    try {
                        return Class.forName(desc.getName(), false, loader);
                    } catch (ClassNotFoundException e) {
                        // Fall back to the default resolution below.
                    }
                }
                return super.resolveClass(desc);
            }
        };
    }

    /** Reads elements lazily; the stream is closed at the end marker. {@code source} names it in errors. */
    public static <T> Iterator<T> read(InputStream in, boolean compress, String source) throws IOException {
        ObjectInputStream objects = objectInput(compress ? new InflaterInputStream(in) : in);
        return new Iterator<>() {
            private Object next = advance();

            private Object advance() {
                try {
                    Object value = objects.readObject();
                    if (value == End.INSTANCE) {
                        objects.close();
                    }
                    return value;
                } catch (EOFException e) {
                    throw new UncheckedIOException(new IOException(source + " is truncated", e));
                } catch (IOException e) {
                    throw new UncheckedIOException(new IOException("cannot read " + source + ": " + e.getMessage(), e));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot read " + source + ": class " + e.getMessage() + " not found", e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != End.INSTANCE;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T value = (T) next;
                next = advance();
                return value;
            }
        };
    }
}
