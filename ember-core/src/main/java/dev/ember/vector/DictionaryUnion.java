package dev.ember.vector;

import dev.ember.sql.types.DataType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One dictionary for the values of several dictionary-encoded string vectors, and each vector's
 * entries' ids in it: vectors of different column chunks (a broadcast side read from several files,
 * the key chunks of a hash table) are then concatenated as ids, not copied value by value, and what
 * reads the result (hashing, LIKE, comparisons) still works entry by entry. Vectors that all share
 * one dictionary keep it as it is; otherwise the union holds each distinct value once.
 */
final class DictionaryUnion {
    private final byte[] bytes;
    private final int[] offsets;
    /** Per vector, the union's id of each of its dictionary's entries; {@code null} when the union is their one dictionary. */
    private final int[][] translations;

    private DictionaryUnion(byte[] bytes, int[] offsets, int[][] translations) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.translations = translations;
    }

    /**
     * The union of the vectors' dictionaries; {@code null} when one of them is not dictionary-encoded,
     * or when their different dictionaries hold more entries than the {@code rows} to be made of
     * them (copying those values is then the cheaper).
     */
    static DictionaryUnion of(StringVector[] parts, int rows) {
        if (Arrays.stream(parts).allMatch(part -> part.sharesDictionaryWith(parts[0]))) {
            return new DictionaryUnion(parts[0].bytes(), parts[0].offsets(), null);
        }
        Set<Dictionary> dictionaries = new HashSet<>();
        long entries = 0;
        for (StringVector part : parts) {
            if (!part.isDictionaryEncoded()) {
                return null;
            }
            if (dictionaries.add(Dictionary.of(part))) {
                entries += part.offsets().length - 1;
            }
        }
        return entries <= rows ? merged(parts, (int) entries) : null;
    }

    private static DictionaryUnion merged(StringVector[] parts, int entries) {
        Map<ByteBuffer, Integer> ids = new HashMap<>();
        Map<Dictionary, int[]> translated = new HashMap<>();
        byte[] bytes = new byte[64];
        int[] offsets = new int[entries + 1];
        int[][] translations = new int[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            StringVector part = parts[p];
            int[] translation = translated.get(Dictionary.of(part));
            if (translation == null) {
                int[] partOffsets = part.offsets();
                translation = new int[partOffsets.length - 1];
                for (int e = 0; e < translation.length; e++) {
                    int start = partOffsets[e];
                    int length = partOffsets[e + 1] - start;
                    Integer id = ids.get(ByteBuffer.wrap(part.bytes(), start, length));
                    if (id == null) {
                        id = ids.size();
                        int at = offsets[id];
                        if (at + length > bytes.length) {
                            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, at + length));
                        }
                        System.arraycopy(part.bytes(), start, bytes, at, length);
                        offsets[id + 1] = at + length;
                        // Keyed by the union's own copy: the part's bytes may be a larger shared array.
                        ids.put(ByteBuffer.wrap(bytes, at, length), id);
                    }
                    translation[e] = id;
                }
                translated.put(Dictionary.of(part), translation);
            }
            translations[p] = translation;
        }
        return new DictionaryUnion(bytes, Arrays.copyOf(offsets, ids.size() + 1), translations);
    }

    /** A vector's dictionary, equal only to itself: its arrays compared by identity (records compare array components so). */
    private record Dictionary(byte[] bytes, int[] offsets) {
        static Dictionary of(StringVector vector) {
            return new Dictionary(vector.bytes(), vector.offsets());
        }
    }

    /** The union's id of entry {@code id} of vector {@code part}'s dictionary. */
    int id(int part, int id) {
        return translations == null ? id : translations[part][id];
    }

    /** Values as the union's entries {@code ids}. */
    StringVector vector(DataType type, int size, int[] ids, boolean[] nulls) {
        return StringVector.dictionaryEncoded(type, size, bytes, offsets, ids, nulls);
    }
}
