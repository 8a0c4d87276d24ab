package dev.ember.io.parquet;

/** The definition levels of a page of a flat column, turned into null flags a stretch at a time. */
interface DefinitionLevels {
    /**
     * Reads the next {@code count} levels: sets {@code nulls[at + i]} where level {@code i} is below
     * {@code maxLevel} (leaving the others untouched) and returns how many values are present.
     */
    int readNulls(int count, int maxLevel, boolean[] nulls, int at);
}
