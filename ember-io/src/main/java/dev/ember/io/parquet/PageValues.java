package dev.ember.io.parquet;

/**
 * The values of one data page of a flat column, read a stretch at a time into a batch's arrays.
 * Each stretch is dense: only the present values, written from position {@code at} on. A reader
 * is asked only for the kind its column's physical type holds. The {@code pick} methods read a
 * stretch of {@code present} values but keep only those at {@code picks[0..count)} (ascending
 * indexes into the stretch), written to {@code out[at ..)}: the others are passed over as their
 * skip would.
 */
interface PageValues {
    void readInts(int[] out, int at, int count);

    void readLongs(long[] out, int at, int count);

    /** FLOAT or DOUBLE values; floats widen exactly. */
    void readDoubles(double[] out, int at, int count);

    void readBooleans(boolean[] out, int at, int count);

    void readBinaries(BinaryColumn out, int at, int count);

    void pickInts(int[] out, int at, int[] picks, int count, int present);

    void pickLongs(long[] out, int at, int[] picks, int count, int present);

    void pickDoubles(double[] out, int at, int[] picks, int count, int present);

    void pickBooleans(boolean[] out, int at, int[] picks, int count, int present);

    void pickBinaries(BinaryColumn out, int at, int[] picks, int count, int present);

    /** Passes over the next {@code count} values, decoding as little of them as the encoding allows. */
    void skip(int count);
}
