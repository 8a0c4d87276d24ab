package dev.ember.exec;

import dev.ember.vector.ColumnVector;
import dev.ember.vector.StringVector;
import java.util.Arrays;

/**
 * Group ids for batches whose keys are all strings of small dictionaries (q01's l_returnflag and
 * l_linestatus): a direct table indexed by the row's tuple of dictionary entries holds each tuple's
 * group id, and the {@link KeyTable} is asked once per tuple not met before under these
 * dictionaries. What it saves is hashing, coding and probing every row of few groups. The table
 * starts afresh when the dictionaries change (a new column chunk). Used by one thread.
 */
final class DictionaryGroups {
    /** Tuples of entries a direct table may index; more, and the key table takes the batch. */
    static final int MAX_TUPLES = 1 << 12;
    private static final int UNKNOWN = -1;
    /** A tuple met in this batch whose id is being looked up. */
    private static final int PENDING = -2;

    private final KeyTable keys;
    /** Vectors of the dictionaries {@link #groupOfTuple} is for, one per key column; {@code null} before the first. */
    private StringVector[] dictionaries;
    private int[] dictionarySizes;
    private int[] groupOfTuple;
    /** The tuples of the batch at hand when there are several keys, reused from batch to batch. */
    private int[] scratch = new int[0];

    DictionaryGroups(KeyTable keys) {
        this.keys = keys;
    }

    /** Each row's group id, adding keys not seen before; {@code null} when some key column has NULLs or no small dictionary. */
    int[] groups(ColumnVector[] keyColumns, int rowCount) {
        if (!covers(keyColumns)) {
            return null;
        }
        int[] tuples = tuples(keyColumns, rowCount);
        int[] ids = new int[rowCount];
        int[] firstRows = null;
        int pending = 0;
        for (int i = 0; i < rowCount; i++) {
            int id = groupOfTuple[tuples[i]];
            if (id == UNKNOWN) {
                firstRows = firstRows == null ? new int[Math.min(rowCount, groupOfTuple.length)] : firstRows;
                firstRows[pending++] = i;
                groupOfTuple[tuples[i]] = PENDING;
            }
            ids[i] = id;
        }
        // Rows of tuples met before are hits as much as the key table's own, for GroupTable.rarelyRevisited.
        keys.addProbeHits(rowCount - pending);
        if (pending > 0) {
            ColumnVector[] newKeys = new ColumnVector[keyColumns.length];
            for (int c = 0; c < newKeys.length; c++) {
                newKeys[c] = keyColumns[c].gather(firstRows, pending);
            }
            int[] found = keys.findOrInsert(newKeys, pending);
            for (int k = 0; k < pending; k++) {
                groupOfTuple[tuples[firstRows[k]]] = found[k];
            }
            for (int i = 0; i < rowCount; i++) {
                ids[i] = groupOfTuple[tuples[i]];
            }
        }
        return ids;
    }

    /** Each row's tuple of entries as one index: its first key's entry when there is one key (read, not to be written). */
    private int[] tuples(ColumnVector[] keyColumns, int rowCount) {
        if (keyColumns.length == 1) {
            return ((StringVector) keyColumns[0]).ids();
        }
        if (scratch.length < rowCount) {
            scratch = new int[rowCount];
        }
        int[] firstEntries = ((StringVector) keyColumns[0]).ids();
        System.arraycopy(firstEntries, 0, scratch, 0, rowCount);
        for (int c = 1; c < keyColumns.length; c++) {
            int[] entries = ((StringVector) keyColumns[c]).ids();
            int size = dictionarySizes[c];
            for (int i = 0; i < rowCount; i++) {
                scratch[i] = scratch[i] * size + entries[i];
            }
        }
        return scratch;
    }

    /** Whether the table can take these keys, made ready for their dictionaries if so. */
    private boolean covers(ColumnVector[] keyColumns) {
        boolean same = dictionaries != null;
        for (int c = 0; c < keyColumns.length; c++) {
            if (!(keyColumns[c] instanceof StringVector strings) || !strings.isDictionaryEncoded() || strings.mayHaveNulls()) {
                return false;
            }
            same = same && strings.sharesDictionaryWith(dictionaries[c]);
        }
        if (same) {
            return true;
        }
        int[] sizes = new int[keyColumns.length];
        int tuples = 1;
        for (int c = 0; c < keyColumns.length; c++) {
            sizes[c] = ((StringVector) keyColumns[c]).dictionary().size();
            if (sizes[c] > MAX_TUPLES / tuples) {
                return false;
            }
            tuples *= Math.max(sizes[c], 1);
        }
        dictionaries = new StringVector[keyColumns.length];
        for (int c = 0; c < keyColumns.length; c++) {
            dictionaries[c] = (StringVector) keyColumns[c];
        }
        dictionarySizes = sizes;
        groupOfTuple = new int[tuples];
        Arrays.fill(groupOfTuple, UNKNOWN);
        return true;
    }
}
