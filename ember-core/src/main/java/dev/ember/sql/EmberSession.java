package dev.ember.sql;

import dev.ember.analysis.Analyzer;
import dev.ember.catalog.Catalog;
import dev.ember.catalog.TableCatalog;
import dev.ember.plan.TreeText;
import dev.ember.plan.logical.TableRelation;
import dev.ember.fs.Location;
import dev.ember.config.EmberConf;
import dev.ember.error.EmberException;
import dev.ember.error.ErrorClass;
import dev.ember.fs.FileSystems;
import dev.ember.exec.PhysicalPlan;
import dev.ember.expr.AttributeReference;
import dev.ember.expr.Literal;
import dev.ember.expr.ScalarSubquery;
import dev.ember.optimizer.Optimizer;
import dev.ember.parser.SqlParser;
import dev.ember.plan.command.Command;
import dev.ember.plan.logical.LocalRelation;
import dev.ember.plan.logical.LogicalPlan;
import dev.ember.plan.logical.Range;
import dev.ember.plan.logical.RddRelation;
import dev.ember.rdd.Rdd;
import dev.ember.exec.AdaptiveSparkPlanExec;
import dev.ember.planner.AdaptiveExecution;
import dev.ember.planner.AdaptiveSettings;
import dev.ember.planner.ExchangeReuse;
import dev.ember.planner.KeyFilters;
import dev.ember.planner.PhysicalPlanner;
import dev.ember.rdd.EmberContext;
import dev.ember.memory.MemoryManager;
import dev.ember.exec.Operator;
import dev.ember.exec.ShuffleExchangeExec;
import dev.ember.plan.logical.CachedRelation;
import dev.ember.scheduler.BlockFormat;
import dev.ember.scheduler.DagScheduler;
import dev.ember.scheduler.TaskBackend;
import dev.ember.scheduler.TaskBackends;
import dev.ember.scheduler.MapOutputWriter;
import dev.ember.scheduler.MapStatus;
import dev.ember.scheduler.ShuffleStore;
import dev.ember.scheduler.Speculation;
import dev.ember.storage.StorageLevel;
import dev.ember.broadcast.BroadcastStore;
import dev.ember.storage.BlockStore;
import dev.ember.config.Modules;
import dev.ember.config.Redaction;
import dev.ember.events.EmberEvent;
import dev.ember.events.ListenerBus;
import dev.ember.events.SessionPlugin;
import dev.ember.events.SqlExecutionScope;
import dev.ember.events.SqlPlanNode;
import dev.ember.exec.PlanMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.Path;
import dev.ember.source.FileFormats;
import dev.ember.sql.types.StructField;
import dev.ember.sql.types.StructType;
import dev.ember.vector.Batch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The entry point, as Spark's {@code SparkSession}: holds the configuration, the catalog of views
 * and the scheduler with its task threads, and builds DataFrames. Thread-safe.
 */
public final class EmberSession implements AutoCloseable {
    static final String WAREHOUSE_DIR = "ember.sql.warehouse.dir";
    /** Where cached blocks that go to disk and spill files are written (Spark's {@code spark.local.dir}); the temporary directory by default. */
    static final String LOCAL_DIR = "ember.local.dir";
    /** Whether serialized and disk-cached RDD blocks are compressed (Spark's {@code spark.rdd.compress}). */
    static final String RDD_COMPRESS = "ember.rdd.compress";
    private final EmberConf conf;
    private final Catalog catalog;
    private final Analyzer analyzer;
    /** A broadcast side in memory as a hash table, over its size as estimated or shuffled. */
    private static final int BROADCAST_TABLE_FACTOR = 2;
    private final int parallelism;
    private final TaskBackend backend;
    private final DagScheduler scheduler;
    private final AtomicInteger shuffleIds = new AtomicInteger();
    private final CacheStore cache;
    private final EmberContext context;
    private final MemoryManager memory;
    private final BlockStore blocks;
    private final BroadcastStore broadcasts;
    private final String applicationId;
    private final ListenerBus events;
    /** The plug-ins started with the session (the UI, the event log), closed when it stops. */
    private final List<AutoCloseable> plugins = new ArrayList<>();
    private final AtomicLong sqlExecutionIds = new AtomicLong();
    /** The text of queries made by {@link #sql}, by their analyzed plan (by identity), while those live. */
    private final Map<LogicalPlan, String> sqlTexts = new java.util.WeakHashMap<>();
    /** The names of computed cached DataFrames by their store id, for the storage page. */
    private final Map<Integer, String> cachedNames = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private EmberSession(Map<String, String> settings) {
        this.conf = new EmberConf(settings);
        this.memory = MemoryManager.fromConf(conf);
        Path localDirectory = Path.of(conf.get(LOCAL_DIR, System.getProperty("java.io.tmpdir")));
        this.events = new ListenerBus(conf.intValue(ListenerBus.CAPACITY, ListenerBus.DEFAULT_CAPACITY));
        String master = conf.get(EmberConf.MASTER, "local[*]");
        this.applicationId = (master.contains("://") ? "app-" : "local-") + System.currentTimeMillis();
        this.backend = startBackend(localDirectory, master.contains("://"));
        this.parallelism = backend.slots();
        this.scheduler = new DagScheduler(backend, conf.taskMaxFailures(), events, Speculation.fromConf(conf));
        this.cache = new CacheStore(scheduler.shuffles());
        scheduler.shuffles().onRemove(id -> {
            String name = cachedNames.remove(id);
            if (name != null) {
                events.post(new EmberEvent.BlockUpdated(System.currentTimeMillis(), id, name, -1, 0, "NONE", 0, 0));
            }
        });
        String configuredParallelism = conf.get(EmberConf.DEFAULT_PARALLELISM, null);
        this.blocks = new BlockStore(memory, localDirectory, Boolean.parseBoolean(conf.get(RDD_COMPRESS, "false")));
        blocks.setListener((id, level, memoryBytes, diskBytes) -> events.post(new EmberEvent.BlockUpdated(System.currentTimeMillis(),
                id.rddId(), "RDD " + id.rddId(), id.partition(), -1, level.toString(), memoryBytes, diskBytes)));
        this.broadcasts = new BroadcastStore(memory, localDirectory, null);
        this.context = new EmberContext(scheduler, parallelism,
                configuredParallelism == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(configuredParallelism.trim())), shuffleIds,
                blocks, broadcasts, this::fileSystemSettings, this::stop);
        this.catalog = new Catalog(this::tableRelation);
        this.analyzer = new Analyzer(catalog, this::pathRelation, conf::sessionTimeZone);
    }

    /** The plug-ins of ember-ui, started in this order when it is on the class path. */
    private static final List<String> PLUGINS = List.of("dev.ember.ui.ApplicationUi", "dev.ember.ui.EventLog", "dev.ember.ui.ConsoleProgressBar");

    /**
     * Starts the plug-ins found on the class path (the UI and the event log, from ember-ui), then
     * announces the application to them.
     */
    private void startPlugins() {
        SessionPlugin.Application application = new SessionPlugin.Application(applicationId, conf.get(EmberConf.APP_NAME, "Ember"), conf, events);
        for (String name : PLUGINS) {
            Optional<SessionPlugin> plugin = Modules.instance(SessionPlugin.class, name);
            AutoCloseable started = plugin.isPresent() ? plugin.get().start(application) : null;
            if (started != null) {
                plugins.add(started);
            }
        }
        long now = System.currentTimeMillis();
        events.post(new EmberEvent.ApplicationStart(now, applicationId, application.name(), System.getProperty("user.name")));
        Map<String, String> runtime = new LinkedHashMap<>();
        runtime.put("Java Version", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        runtime.put("Java Home", System.getProperty("java.home"));
        runtime.put("Scala Version", "none (Ember)");
        events.post(new EmberEvent.EnvironmentUpdate(now, Redaction.redact(conf.all()), runtime));
    }

    /**
     * The backend of the master URL, started once the plug-ins are up (the UI, whose address a
     * cluster backend registers with the master; the plug-ins see all its executors come). A
     * cluster backend is made meanwhile, as the plug-ins start on another thread: loading its
     * transport takes as long as they do. When it cannot start (no executors), the plug-ins stop again.
     */
    private TaskBackend startBackend(Path localDirectory, boolean cluster) {
        CompletableFuture<Void> plugins = new CompletableFuture<>();
        Runnable startPlugins = () -> {
            try {
                startPlugins();
                plugins.complete(null);
            } catch (RuntimeException | Error e) {
                plugins.completeExceptionally(e);
            }
        };
        TaskBackend created = null;
        try {
            if (cluster) {
                Thread thread = new Thread(startPlugins, "ember-plugins");
                thread.setDaemon(true);
                thread.start();
                created = TaskBackends.forMaster(conf, memory, localDirectory, events);
            } else {
                startPlugins.run();
            }
            plugins.join();
            if (created == null) {
                created = TaskBackends.forMaster(conf, memory, localDirectory, events);
            }
            created.start();
            return created;
        } catch (RuntimeException e) {
            if (created != null) {
                created.close();
            }
            plugins.exceptionally(ignored -> null).join(); // all started, so that all stop
            events.close();
            closePlugins();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The application's id, as Spark's {@code applicationId}: {@code local-<millis>} in local mode. */
    public String applicationId() {
        return applicationId;
    }

    /** The bus the application's events are posted to; {@link #addListener} to receive them. */
    public ListenerBus events() {
        return events;
    }

    /** Spark's {@code addSparkListener}: the listener receives the application's events from now on. */
    public void addListener(dev.ember.events.EmberListener listener) {
        events.addListener(listener);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs one SQL statement. Commands run now; queries are analyzed now and run when an action is called. */
    public DataFrame sql(String sqlText) {
        DataFrame frame = execute(SqlParser.parseStatement(sqlText));
        synchronized (sqlTexts) {
            sqlTexts.put(frame.logicalPlan(), sqlText.strip());
        }
        return frame;
    }

    /**
     * What the UI calls a query run by {@code action}: its SQL text when it came from {@link #sql},
     * else where the application called the action, as Spark's call sites ({@code collect at App.java:12}).
     */
    String describe(LogicalPlan plan, String action) {
        synchronized (sqlTexts) {
            String text = sqlTexts.get(plan);
            if (text != null) {
                return text;
            }
        }
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith("dev.ember.sql.") && !frame.getClassName().startsWith("dev.ember.rdd."))
                .findFirst()
                .map(frame -> action + " at " + frame.getFileName() + ":" + frame.getLineNumber())
                .orElse(action));
    }

    /**
     * Runs a script of {@code ;}-separated statements in order and returns one DataFrame per
     * statement: commands (CREATE VIEW, SET, ...) run as they are reached and yield their (often
     * empty, zero-column) result; queries yield lazy DataFrames. The whole script is parsed first,
     * so a syntax error anywhere runs nothing.
     */
    public List<DataFrame> sqlScript(String script) {
        List<DataFrame> results = new ArrayList<>();
        for (LogicalPlan statement : SqlParser.parseStatements(script)) {
            results.add(execute(statement));
        }
        return results;
    }

    private DataFrame execute(LogicalPlan statement) {
        if (statement instanceof Command command) {
            return new DataFrame(this, new Commands(this).run(command));
        }
        return new DataFrame(this, analyzer.analyze(statement));
    }

    public DataFrame table(String name) {
        return new DataFrame(this, analyzer.analyze(new dev.ember.plan.logical.UnresolvedRelation(SqlParser.parseMultipartIdentifier(name), null)));
    }

    public DataFrame range(long end) {
        return range(0, end);
    }

    public DataFrame range(long start, long end) {
        return range(start, end, 1, 0);
    }

    public DataFrame range(long start, long end, long step) {
        return range(start, end, step, 0);
    }

    public DataFrame range(long start, long end, long step, int numPartitions) {
        return new DataFrame(this, new Range(start, end, step, numPartitions));
    }

    /** A DataFrame of rows held by the driver, as Spark's {@code createDataFrame(List<Row>, StructType)}. */
    public DataFrame createDataFrame(List<Row> rows, StructType schema) {
        List<AttributeReference> output = schema.fields().stream()
                .map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList();
        List<List<Object>> values = new ArrayList<>();
        for (Row row : rows) {
            List<Object> rowValues = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                rowValues.add(row.get(i));
            }
            values.add(rowValues);
        }
        return new DataFrame(this, new LocalRelation(output, values));
    }

    /**
     * The rows of an RDD as a DataFrame of the given schema, as Spark's
     * {@code createDataFrame(JavaRDD<Row>, StructType)}: read when a query runs, partition by partition.
     */
    public DataFrame createDataFrame(Rdd<Row> rows, StructType schema) {
        int width = schema.fields().size();
        return new DataFrame(this, new RddRelation(attributesOf(schema), rows, element -> {
            Row row = (Row) element;
            if (row.size() != width) {
                throw new IllegalArgumentException("row of " + row.size() + " values for " + width + " columns: " + row);
            }
            Object[] values = new Object[width];
            for (int i = 0; i < width; i++) {
                values[i] = row.get(i);
            }
            return values;
        }));
    }

    /** Java beans as rows, a column per property in alphabetical order, as Spark's {@code createDataFrame(JavaRDD<?>, Class<?>)}. */
    public DataFrame createDataFrame(Rdd<?> beans, Class<?> beanClass) {
        return new DataFrame(this, new RddRelation(attributesOf(BeanValues.schema(beanClass)), beans, BeanValues.of(beanClass)));
    }

    private static List<AttributeReference> attributesOf(StructType schema) {
        return schema.fields().stream().map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList();
    }

    /** The RDD entry point sharing this session's scheduler, as Spark's {@code sparkContext()}. */
    public EmberContext context() {
        return context;
    }

    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /** The session's settings, readable and writable at run time as Spark's {@code spark.conf()}. */
    public EmberConf conf() {
        return conf;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The number of task threads, Spark's {@code defaultParallelism}. */
    public int defaultParallelism() {
        return parallelism;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /**
     * The plan to run: persisted parts read from the cache (computed first if needed), optimized,
     * with its uncorrelated scalar subqueries computed first (as Spark does).
     */
    PhysicalPlan physicalPlan(LogicalPlan plan) {
        PhysicalPlanner planner = planner();
        LogicalPlan optimized = optimizedWithCache(plan, planner);
        // Exchanges equal in the main plan and its subqueries are computed once (ExchangeReuse).
        boolean subqueries = optimized.anyExpression(e -> e instanceof ScalarSubquery);
        ExchangeReuse reuse = new ExchangeReuse(subqueries ? drafts(optimized, planner) : List.of());
        try {
            PhysicalPlan main = planWithValues(optimized, planner, reuse, true);
            reuse.unreadBy(main).forEach(scheduler.shuffles()::remove);
            return main;
        } catch (RuntimeException e) {
            reuse.kept().forEach(scheduler.shuffles()::remove);
            throw e;
        }
    }

    /** The plan optimized, its persisted parts read from the cache (computed first if needed). */
    private LogicalPlan optimizedWithCache(LogicalPlan plan, PhysicalPlanner planner) {
        return Optimizer.optimize(withTablesListed(cache.substitute(plan,
                (persisted, level) -> computeCached(planner.plan(Optimizer.optimize(withTablesListed(persisted))), persisted.output(), level))));
    }

    /** The physical plan of an optimized plan, its uncorrelated scalar subqueries run first (as Spark does) and their values substituted. */
    private PhysicalPlan planWithValues(LogicalPlan optimized, PhysicalPlanner planner, ExchangeReuse reuse, boolean last) {
        boolean subqueries = optimized.anyExpression(e -> e instanceof ScalarSubquery);
        LogicalPlan withValues = optimized.transformAllExpressions(e -> e instanceof ScalarSubquery subquery
                ? scalarValue(planWithValues(optimizedWithCache(subquery.plan(), planner), planner, reuse, false), subquery) : e);
        withValues = subqueries ? Optimizer.foldConstants(withValues) : withValues;
        return withKeyFilters(reuse.apply(planner.plan(withValues), last));
    }

    /**
     * Broadcast joins' probe scans filtered by the build side's keys ({@link KeyFilters}), once
     * exchanges are reused: a key filter reads the shuffle its join reads, whichever exchange computes it.
     */
    private static PhysicalPlan withKeyFilters(PhysicalPlan plan) {
        return KeyFilters.probesFiltered(plan);
    }

    /** The physical plans of an optimized plan's scalar subqueries (nested ones first), then its own, with the subqueries unevaluated. */
    private static List<PhysicalPlan> drafts(LogicalPlan optimized, PhysicalPlanner planner) {
        List<PhysicalPlan> drafts = new ArrayList<>();
        optimized.anyExpression(e -> {
            if (e instanceof ScalarSubquery subquery) {
                drafts.addAll(drafts(subquery.plan(), planner));
            }
            return false; // to visit every expression
        });
        drafts.add(planner.plan(optimized));
        return drafts;
    }

    /** Spark's {@code EXPLAIN COST}: the optimized plan, each node with its estimated rows, then the physical plan. */
    String explainCost(LogicalPlan plan) {
        String estimated = TreeText.render(optimizedWithoutRunning(plan),
                node -> node.nodeString() + ", Statistics(rowCount=" + Math.round(Optimizer.estimatedRows(node)) + ")", LogicalPlan::children);
        return "== Optimized Logical Plan ==\n" + estimated + "\n== Physical Plan ==\n" + physicalPlanWithoutRunning(plan).treeString();
    }

    /** The plan optimized without computing anything: persisted parts not computed yet stay as they are. */
    private LogicalPlan optimizedWithoutRunning(LogicalPlan plan) {
        return Optimizer.optimize(withTablesListed(cache.substitute(plan, null)));
    }

    /**
     * The plan {@code explain} prints, which runs nothing: persisted parts not computed yet and scalar
     * subqueries stay as they are (the exchanges the main plan shares with them shown reused); under
     * {@code AdaptiveSparkPlan isFinalPlan=false} when adaptive execution will re-plan it.
     */
    PhysicalPlan physicalPlanWithoutRunning(LogicalPlan plan) {
        List<PhysicalPlan> drafts = drafts(optimizedWithoutRunning(plan), planner());
        ExchangeReuse reuse = new ExchangeReuse(drafts);
        PhysicalPlan physical = null;
        for (int p = 0; p < drafts.size(); p++) {
            physical = withKeyFilters(reuse.apply(drafts.get(p), p == drafts.size() - 1));
        }
        return adaptiveSettings().enabled() ? new AdaptiveSparkPlanExec(physical, false) : physical;
    }

    AdaptiveSettings adaptiveSettings() {
        AdaptiveSettings settings = AdaptiveSettings.of(conf, parallelism);
        return settings.withBroadcastThreshold(broadcastLimit(settings.broadcastThreshold()));
    }

    private PhysicalPlanner planner() {
        return new PhysicalPlanner(adaptiveSettings(), shuffleIds,
                broadcastLimit(conf.bytesValue(EmberConf.AUTO_BROADCAST_JOIN_THRESHOLD, EmberConf.DEFAULT_BROADCAST_THRESHOLD)),
                fileSystemSettings());
    }

    /**
     * A broadcast threshold lowered to what fits in memory: every running task builds the broadcast
     * side into a hash table (about twice its size) within its share of execution memory, so a
     * larger side is shuffled instead (at planning time, or when adaptive execution sees its real size).
     */
    private long broadcastLimit(long threshold) {
        long fits = memory.maxMemory() / Math.max(1, parallelism) / BROADCAST_TABLE_FACTOR;
        return threshold < 0 ? threshold : Math.min(threshold, fits);
    }

    /** The settings that configure filesystems ({@code ember.hadoop.fs.s3a.endpoint}, ...), without their prefix. */
    Map<String, String> fileSystemSettings() {
        return FileSystems.settings(conf.all());
    }

    CacheStore cache() {
        return cache;
    }

    /** Runs a scalar subquery's plan: its one value. */
    private Literal scalarValue(PhysicalPlan plan, ScalarSubquery subquery) {
        Object value = null;
        long rows = 0;
        for (List<Batch> partition : run(plan)) {
            for (Batch batch : partition) {
                if (batch.rowCount() > 0 && rows == 0) {
                    value = batch.column(0).getObject(0);
                }
                rows += batch.rowCount();
            }
        }
        if (rows > 1) {
            throw EmberException.of(ErrorClass.SCALAR_SUBQUERY_TOO_MANY_ROWS);
        }
        return new Literal(value, subquery.dataType());
    }

    /**
     * Runs a persisted plan, each result task writing its partition into the shuffle store as
     * cached blocks (in storage memory while granted, else on disk), and returns what stands for it.
     */
    private CachedRelation computeCached(PhysicalPlan plan, List<AttributeReference> output, StorageLevel level) {
        ShuffleStore store = scheduler.shuffles();
        int cacheId = shuffleIds.incrementAndGet();
        BlockFormat format = BlockFormat.batches(plan.output().stream().map(AttributeReference::dataType).toList());
        boolean useMemory = level.useMemory();
        Function<PhysicalPlan, Integer> resultStage = last -> {
            int partitions = last.partitionCount();
            store.registerCached(cacheId, partitions, format, useMemory);
            try {
                // Each task writes into the store of the process it runs in (an executor's, on a cluster).
                List<MapStatus> written = scheduler.runJob(ShuffleExchangeExec.inputsOf(last), partitions, (context, partition) -> {
                    ShuffleStore taskStore = context.shuffles();
                    taskStore.registerCached(cacheId, partitions, format, useMemory);
                    try (MapOutputWriter writer = taskStore.writer(cacheId, partition, 1, context.memory());
                            Operator rows = last.open(context, partition)) {
                        for (Batch batch = rows.next(); batch != null; batch = rows.next()) {
                            writer.add(0, batch);
                        }
                        return writer.publish();
                    }
                });
                announceCached(cacheId, plan, level, written);
            } catch (RuntimeException e) {
                store.remove(cacheId);
                throw e;
            }
            return last.partitionCount();
        };
        AdaptiveSettings settings = adaptiveSettings();
        int partitions = settings.enabled() ? new AdaptiveExecution(scheduler, settings, shuffleIds).run(plan, resultStage) : resultStage.apply(plan);
        return new CachedRelation(output, cacheId, partitions);
    }

    /** Posts the partitions of a cached DataFrame just computed, for the storage page. */
    private void announceCached(int cacheId, PhysicalPlan plan, StorageLevel level, List<MapStatus> written) {
        String name = plan.nodeString();
        cachedNames.put(cacheId, name);
        long now = System.currentTimeMillis();
        for (MapStatus status : written) {
            long bytes = java.util.stream.LongStream.of(status.bytes()).sum();
            events.post(new EmberEvent.BlockUpdated(now, cacheId, name, status.mapPartition(), written.size(), level.toString(),
                    level.useMemory() ? bytes : 0, level.useMemory() ? 0 : bytes));
        }
    }

    /** Runs a physical plan as one job: the batches of each result partition, in partition order. */
    List<List<Batch>> run(PhysicalPlan plan) {
        return execute(plan).partitions();
    }

    /**
     * Runs a query's physical plan as a SQL execution: the UI's SQL page shows it with its plan as
     * planned and as it ran, with each node's metrics, and lists the jobs it ran.
     */
    List<List<Batch>> runQuery(PhysicalPlan plan, String description) {
        return runMeasured(plan, description).partitions();
    }

    /** The batches of each result partition of a SQL execution, and the plan as it ran with what each node measured. */
    record MeasuredRun(List<List<Batch>> partitions, SqlPlanNode plan) {
    }

    /** Runs a query as {@link #runQuery} does, and tells what each node of the plan measured (EXPLAIN ANALYZE). */
    MeasuredRun runMeasured(PhysicalPlan plan, String description) {
        long id = sqlExecutionIds.getAndIncrement();
        events.post(new EmberEvent.SqlExecutionStart(System.currentTimeMillis(), id, description, plan.treeString()));
        PlanMetrics metrics = new PlanMetrics();
        try {
            AdaptiveExecution.Result result = metrics.collect(() -> SqlExecutionScope.run(id, () -> execute(plan)));
            SqlPlanNode measured = metrics.describe(result.finalPlan());
            events.post(new EmberEvent.SqlExecutionEnd(System.currentTimeMillis(), id, result.finalPlan().treeString(), measured, null));
            return new MeasuredRun(result.partitions(), measured);
        } catch (RuntimeException e) {
            events.post(new EmberEvent.SqlExecutionEnd(System.currentTimeMillis(), id, plan.treeString(), metrics.describe(plan),
                    String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** Runs a physical plan, adaptively unless {@code ember.sql.adaptive.enabled} is false, and tells how it ended. */
    AdaptiveExecution.Result execute(PhysicalPlan plan) {
        AdaptiveSettings settings = adaptiveSettings();
        if (!settings.enabled()) {
            return new AdaptiveExecution.Result(scheduler.run(plan), plan);
        }
        return new AdaptiveExecution(scheduler, settings, shuffleIds).run(plan);
    }

    /**
     * The catalog of persistent tables, in the warehouse directory ({@code ember.sql.warehouse.dir},
     * by default {@code spark-warehouse} in the working directory, as Spark).
     */
    TableCatalog tables() {
        return new TableCatalog(Location.of(conf.get(WAREHOUSE_DIR, "spark-warehouse")), fileSystemSettings());
    }

    private Optional<LogicalPlan> tableRelation(String name) {
        return tables().find(name).map(table -> new TableRelation(table, table.schema().fields().stream()
                .map(f -> AttributeReference.create(f.name(), f.dataType(), f.nullable())).toList()));
    }

    /** The plan with the catalog tables it names listed as they are now. */
    private LogicalPlan withTablesListed(LogicalPlan plan) {
        LogicalPlan listed = plan.transformUp(node -> node instanceof TableRelation table
                ? DataSources.tableRelation(this, table.table(), table.output()) : node);
        return listed.transformAllExpressions(e -> e instanceof dev.ember.expr.SubqueryExpression subquery
                ? subquery.withPlan(withTablesListed(subquery.plan())) : e);
    }

    /** {@code csv.`/path`}: the files at a path read with a format, or empty when the qualifier is no format. */
    private Optional<LogicalPlan> pathRelation(String format, String path) {
        if (!FileFormats.exists(format)) {
            return Optional.empty();
        }
        return Optional.of(DataSources.relation(this, format, List.of(path), Map.of(), null));
    }

    /** Stops the task threads (or executors) and drops cached blocks and shuffle outputs, deleting those on disk. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        backend.close();
        blocks.close();
        broadcasts.close();
        events.post(new EmberEvent.ApplicationEnd(System.currentTimeMillis()));
        events.close();
        closePlugins();
    }

    private void closePlugins() {
        for (AutoCloseable plugin : plugins) {
            try {
                plugin.close();
            } catch (Exception e) {
                System.err.println("Stopping " + plugin + " failed: " + e);
            }
        }
    }

    /** The executor's memory: cached blocks (storage) and operator state (execution). */
    public MemoryManager memoryManager() {
        return memory;
    }

    @Override
    public void close() {
        stop();
    }

    static StructType schemaOf(List<AttributeReference> output) {
        return new StructType(output.stream().map(a -> new StructField(a.name(), a.dataType(), a.nullable())).toList());
    }

    /** Builds a session, as {@code SparkSession.builder()}. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>();

        Builder() {
            // ember submit passes settings to the application as system properties.
            System.getProperties().forEach((key, value) -> {
                String name = key.toString();
                if (name.startsWith("ember.") || name.startsWith("spark.")) {
                    settings.put(EmberConf.canonicalKey(name), value.toString());
                }
            });
        }

        public Builder appName(String name) {
            return config(EmberConf.APP_NAME, name);
        }

        public Builder master(String master) {
            return config(EmberConf.MASTER, master);
        }

        /** Sets a configuration key; {@code spark.*} keys are accepted as aliases of {@code ember.*}. */
        public Builder config(String key, String value) {
            settings.put(EmberConf.canonicalKey(key), value);
            return this;
        }

        public Builder config(String key, long value) {
            return config(key, String.valueOf(value));
        }

        public Builder config(String key, boolean value) {
            return config(key, String.valueOf(value));
        }

        public EmberSession getOrCreate() {
            if (!settings.containsKey(EmberConf.MASTER)) {
                settings.put(EmberConf.MASTER, "local[*]");
            }
            return new EmberSession(settings);
        }
    }

    static EmberException unsupported(String feature) {
        return EmberException.of(ErrorClass.UNSUPPORTED_FEATURE, "feature", feature);
    }
}
