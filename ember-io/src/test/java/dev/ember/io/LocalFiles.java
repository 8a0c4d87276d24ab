package dev.ember.io;

import dev.ember.fs.FileEntry;
import dev.ember.fs.InputFile;
import dev.ember.fs.LocalFileSystem;
import dev.ember.fs.Location;
import dev.ember.fs.OutputFile;
import dev.ember.source.BatchReader;
import dev.ember.source.FileFormat;
import dev.ember.source.FileSplit;
import dev.ember.source.ReadOptions;
import dev.ember.sql.types.StructType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Test helper: local files as the format interface takes them. */
public final class LocalFiles {
    private LocalFiles() {
    }

    public static InputFile input(Path file) {
        return LocalFileSystem.INSTANCE.newInputFile(Location.local(file));
    }

    public static List<InputFile> inputs(Path... files) {
        return Arrays.stream(files).map(LocalFiles::input).toList();
    }

    public static OutputFile output(Path file) {
        return new OutputFile(LocalFileSystem.INSTANCE, Location.local(file));
    }

    public static FileSplit whole(Path file) throws IOException {
        return FileSplit.whole(new FileEntry(Location.local(file), Files.size(file)));
    }

    public static FileSplit split(Path file, long start, long length, long fileLength) {
        return new FileSplit(Location.local(file), start, length, fileLength);
    }

    /** Opens a split of a local file. */
    public static BatchReader open(FileFormat format, FileSplit split, StructType schema, int[] columns, ReadOptions options) throws IOException {
        return format.open(LocalFileSystem.INSTANCE.newInputFile(split.file()), split, schema, columns, options);
    }
}
