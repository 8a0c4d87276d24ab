package dev.ember.io.parquet;

import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.InputFile;
import dev.ember.fs.SeekableInputStream;
import dev.ember.source.BatchReader;
import dev.ember.source.LazyBatch;
import dev.ember.source.SourceFilter;
import dev.ember.sql.types.DataType;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import dev.ember.vector.ColumnVector;
import dev.ember.vector.VectorBuilder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.VersionParser;
import org.apache.parquet.column.impl.ColumnReaderImpl;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.MessageType;

/**
 * Reads the row groups of one split, batch by batch: for each row group that the pushed filters do
 * not rule out, the chunks of the required columns only. Flat columns of the common types are
 * decoded batch at a time by {@link FlatColumnReader}; the others (arrays, INT96, fixed-length
 * values) value at a time by parquet-column's column readers into vector builders. A required
 * column the file lacks reads as nulls. Batches are decoded column by column as asked
 * ({@link #nextLazy}), so that a filtered scan keeps the columns its condition does not read at
 * the rows it keeps only (flat columns decoding the values there alone where the encoding allows),
 * and passes over them where it keeps none (flat columns without decoding where the encoding allows).
 */
final class ParquetBatchReader implements BatchReader {
    /** Column readers need a converter only to hand values on, which this reader never asks them to. */
    private static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {
    };

    private final InputFile file;
    private final String path;
    private final MessageType fileSchema;
    private final List<BlockMetaData> rowGroups;
    private final List<SourceFilter> filters;
    private final VersionParser.ParsedVersion writerVersion;
    private final List<DataType> types = new ArrayList<>();
    /** Per required column, its assembler, or null when the file lacks the column. */
    private final ColumnAssembler[] assemblers;
    /** Per required column, its batch-at-a-time reader when it has one (then it has no assembler). */
    private final FlatColumnReader[] flatReaders;
    private final SeekableInputStream in;
    private int nextRowGroup;
    private int rowGroupsRead;
    private int currentOrdinal = -1;
    private long rowsLeft;
    private Pending pending;

    ParquetBatchReader(InputFile file, ParquetMetadata footer, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> filters) throws IOException {
        this(file, footer, dataSchema, requiredColumns, filters, true);
    }

    /** A reader that, unless {@code vectorized}, reads every column through the general path (for tests). */
    ParquetBatchReader(InputFile file, ParquetMetadata footer, StructType dataSchema, int[] requiredColumns,
            List<SourceFilter> filters, boolean vectorized) throws IOException {
        this.file = file;
        this.path = file.location().toString();
        this.fileSchema = footer.getFileMetaData().getSchema();
        this.rowGroups = footer.getBlocks();
        this.filters = List.copyOf(filters);
        this.writerVersion = writerVersion(footer.getFileMetaData().getCreatedBy());
        this.assemblers = new ColumnAssembler[requiredColumns.length];
        this.flatReaders = new FlatColumnReader[requiredColumns.length];
        for (int i = 0; i < requiredColumns.length; i++) {
            StructField field = dataSchema.field(requiredColumns[i]);
            types.add(field.dataType());
            if (fileSchema.containsField(field.name())) {
                DataType fileType = ParquetSchemas.toEmber(fileSchema.getType(field.name()), path);
                if (!fileType.equals(field.dataType())) {
                    throw failed("column `" + field.name() + "` is " + fileType.simpleString() + " in this file but "
                            + field.dataType().simpleString() + " in the schema read", null);
                }
                ColumnLevels levels = ColumnLevels.of(fileSchema, field.name(), field.dataType(), path);
                if (vectorized && levels instanceof ColumnLevels.Leaf leaf) {
                    flatReaders[i] = FlatColumnReader.of(fileSchema.getColumnDescription(leaf.path()), field.dataType());
                }
                if (flatReaders[i] == null) {
                    assemblers[i] = new ColumnAssembler(levels);
                }
            }
        }
        this.in = rowGroups.isEmpty() ? null : file.newStream();
    }

    /** How many row groups this reader has read so far (the others of its split were skipped by statistics). */
    int rowGroupsRead() {
        return rowGroupsRead;
    }

    @Override
    public Batch next() throws IOException {
        LazyBatch batch = nextLazy();
        if (batch == null) {
            return null;
        }
        List<ColumnVector> columns = new ArrayList<>(assemblers.length);
        for (int i = 0; i < assemblers.length; i++) {
            columns.add(batch.column(i));
        }
        return new Batch(columns, batch.rowCount());
    }

    @Override
    public LazyBatch nextLazy() throws IOException {
        if (pending != null) {
            pending.skipUnread();
            pending = null;
        }
        while (rowsLeft == 0) {
            if (!startNextRowGroup()) {
                return null;
            }
        }
        int rows = (int) Math.min(Batch.TARGET_ROWS, rowsLeft);
        rowsLeft -= rows;
        pending = new Pending(rows);
        return pending;
    }

    /** The batch handed out last: its columns decoded as asked, the others skipped before the next batch. */
    private final class Pending implements LazyBatch {
        private final int rows;
        private final boolean[] read = new boolean[assemblers.length];

        Pending(int rows) {
            this.rows = rows;
        }

        @Override
        public int rowCount() {
            return rows;
        }

        @Override
        public ColumnVector column(int index) {
            return read(index, null, rows, false);
        }

        @Override
        public ColumnVector column(int index, int[] positions, int count) {
            return read(index, positions, count, false);
        }

        @Override
        public ColumnVector peek(int index) {
            return read(index, null, rows, true);
        }

        /** The column at {@code positions[0..count)}, or every row when {@code positions} is null, peeked if {@code peek}. */
        private ColumnVector read(int index, int[] positions, int count, boolean peek) {
            if (read[index]) {
                throw new IllegalStateException("column " + index + " of this batch was read already");
            }
            read[index] = true;
            try {
                FlatColumnReader flat = flatReaders[index];
                if (flat != null) {
                    return positions != null ? flat.read(rows, positions, count) : peek ? flat.peek(rows) : flat.read(rows);
                }
                VectorBuilder builder = VectorBuilder.create(types.get(index), rows);
                if (assemblers[index] == null) {
                    for (int row = 0; row < rows; row++) {
                        builder.appendNull();
                    }
                } else {
                    assemblers[index].readRows(rows, builder);
                }
                ColumnVector all = builder.build();
                return positions == null ? all : all.gather(positions, count);
            } catch (RuntimeException e) {
                throw decodingFailed(e);
            }
        }

        /** Moves the readers of the columns not asked past this batch; a row group's last batch needs nothing. */
        void skipUnread() {
            for (int i = 0; i < read.length && rowsLeft > 0; i++) {
                if (read[i]) {
                    continue;
                }
                try {
                    if (flatReaders[i] != null) {
                        flatReaders[i].skip(rows);
                    } else if (assemblers[i] != null) {
                        assemblers[i].readRows(rows, VectorBuilder.create(types.get(i), rows));
                    }
                } catch (RuntimeException e) {
                    throw decodingFailed(e);
                }
            }
        }
    }

    private EmberException decodingFailed(RuntimeException e) {
        return e instanceof EmberException ember ? ember : failed("row group " + currentOrdinal + " cannot be decoded: " + message(e), e);
    }

    private boolean startNextRowGroup() throws IOException {
        while (nextRowGroup < rowGroups.size()) {
            BlockMetaData rowGroup = rowGroups.get(nextRowGroup++);
            if (!StatisticsFilter.mightMatch(filters, rowGroup)) {
                continue;
            }
            currentOrdinal = rowGroup.getOrdinal();
            rowsLeft = rowGroup.getRowCount();
            rowGroupsRead++;
            for (int i = 0; i < assemblers.length; i++) {
                if (flatReaders[i] != null) {
                    ColumnChunkPages pages = chunkPages(rowGroup, flatReaders[i].leafPath(), flatReaders[i].pageBuffer());
                    try {
                        flatReaders[i].reset(pages);
                    } catch (RuntimeException e) {
                        throw failed("row group " + currentOrdinal + ", column " + ColumnPath.get(flatReaders[i].leafPath()) + ": " + message(e), e);
                    }
                } else if (assemblers[i] != null) {
                    assemblers[i].reset(leaf -> columnReader(rowGroup, leaf));
                }
            }
            return true;
        }
        return false;
    }

    private ColumnReaderImpl columnReader(BlockMetaData rowGroup, String[] leafPath) throws IOException {
        // Values of parquet-column's readers (byte arrays) may point into their page: one array per page.
        ColumnChunkPages pages = chunkPages(rowGroup, leafPath, null);
        try {
            return new ColumnReaderImpl(fileSchema.getColumnDescription(leafPath), pages, NO_CONVERTER, writerVersion);
        } catch (RuntimeException e) {
            throw failed("row group " + currentOrdinal + ", column " + ColumnPath.get(leafPath) + ": " + message(e), e);
        }
    }

    /** The pages of the chunk of column {@code leafPath} in {@code rowGroup}, read whole; data pages decompressed into {@code pageBuffer}, if any. */
    private ColumnChunkPages chunkPages(BlockMetaData rowGroup, String[] leafPath, PageBuffer pageBuffer) throws IOException {
        ColumnPath columnPath = ColumnPath.get(leafPath);
        ColumnChunkMetaData chunk = rowGroup.getColumns().stream().filter(c -> c.getPath().equals(columnPath)).findFirst()
                .orElseThrow(() -> failed("row group " + currentOrdinal + " has no chunk for column " + columnPath, null));
        ParquetCodec codec = ParquetCodec.of(chunk.getCodec());
        if (codec == null) {
            throw EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", "reading Parquet pages compressed with "
                    + chunk.getCodec() + " (column " + columnPath + " in " + path + ")");
        }
        long start = chunk.getStartingPos();
        long size = chunk.getTotalSize();
        if (start < 0 || size < 0 || size > Integer.MAX_VALUE || start + size > file.length()) {
            throw failed("row group " + currentOrdinal + ": column chunk " + columnPath + " of " + size + " bytes at " + start
                    + " lies outside the file", null);
        }
        byte[] bytes = new byte[(int) size];
        in.seek(start);
        in.readFully(bytes, 0, bytes.length);
        try {
            return new ColumnChunkPages(bytes, codec, chunk.getValueCount(), pageBuffer);
        } catch (IOException | RuntimeException e) {
            throw failed("row group " + currentOrdinal + ", column " + columnPath + ": " + message(e), e);
        }
    }

    private EmberException failed(String detail, Throwable cause) {
        EmberException error = EmberException.of(ErrorClass.FAILED_READ_FILE, "path", path, "reason", detail);
        return cause == null ? error : error.withCause(cause);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static VersionParser.ParsedVersion writerVersion(String createdBy) {
        try {
            return createdBy == null ? null : VersionParser.parse(createdBy);
        } catch (VersionParser.VersionParseException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }

    @Override
    public String toString() {
        return "ParquetBatchReader[" + path + ", row groups " + Arrays.toString(rowGroups.stream().mapToInt(BlockMetaData::getOrdinal).toArray()) + "]";
    }
}
