package dev.ember.error;

import static java.util.Objects.requireNonNull;

/**
 * The error classes Ember raises, with Spark's names and SQLSTATEs so that users can search for
 * them and scripts can match on them. The message template uses {@code <name>} placeholders.
 */
public enum ErrorClass {
    PARSE_SYNTAX_ERROR("42601", Category.USER, "Syntax error at or near <token><hint>."),
    UNRESOLVED_COLUMN("42703", Category.USER, "A column, variable, or function parameter with name <name> cannot be resolved.<suggestion>"),
    UNRESOLVED_ROUTINE("42883", Category.USER, "Cannot resolve routine <routine>.<suggestion>"),
    TABLE_OR_VIEW_NOT_FOUND("42P01", Category.USER, "The table or view <name> cannot be found.<suggestion>"),
    TABLE_OR_VIEW_ALREADY_EXISTS("42P07", Category.USER, "Cannot create table or view <name> because it already exists."),
    AMBIGUOUS_REFERENCE("42704", Category.USER, "Reference <name> is ambiguous, could be: <candidates>."),
    DATATYPE_MISMATCH("42K09", Category.USER, "Cannot resolve <expression> due to data type mismatch: <detail>."),
    WRONG_NUM_ARGS("42605", Category.USER, "The <function> requires <expected> parameters but the actual number is <actual>."),
    MISSING_AGGREGATION("42803", Category.USER, "The non-aggregating expression <expression> is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use any_value(<expression>) if you do not care which of the values within a group is returned."),
    /** Spark's subclasses (NOT_BOOLEAN, NON_DETERMINISTIC, CONTAINS_AGGREGATE, CONTAINS_WINDOW_FUNCTION) are the reason. */
    INVALID_AGGREGATE_FILTER("42903", Category.USER, "The FILTER expression <filterExpr> in an aggregate function is invalid. <reason>"),
    INVALID_SQL_SYNTAX("42000", Category.USER, "Invalid SQL syntax: <detail>"),
    GROUP_BY_POS_OUT_OF_RANGE("42805", Category.USER, "GROUP BY position <index> is not in select list (valid range is [1, <size>])."),
    ORDER_BY_POS_OUT_OF_RANGE("42805", Category.USER, "ORDER BY position <index> is not in select list (valid range is [1, <size>])."),
    NUM_COLUMNS_MISMATCH("42826", Category.USER, "<operator> can only be performed on inputs with the same number of columns, but the first input has <firstNumColumns> columns and the <invalidOrdinalNum> input has <invalidNumColumns> columns."),
    INVALID_ATTRIBUTE_NAME_SYNTAX("42601", Category.USER, "Syntax error in the attribute name: <name>. Check that backticks appear in pairs, a quoted string is a complete name part and use a backtick only inside quoted name parts."),
    /** Spark's error for the numeric shortcuts of grouped data ({@code groupBy(..).sum("name")}); Spark gives it no SQLSTATE. */
    _LEGACY_ERROR_TEMP_1104("42000", Category.USER, "The second argument should be a double literal."),
    _LEGACY_ERROR_TEMP_1210("42000", Category.USER, "The second argument in <funcName> should be a boolean literal."),
    _LEGACY_ERROR_TEMP_1323("42000", Category.USER, "\"<colName>\" is not a numeric column. Aggregation function can only be applied on a numeric column."),
    UNRESOLVED_COLUMN_AMONG_FIELD_NAMES("42703", Category.USER, "Cannot resolve column name \"<colName>\" among (<fieldNames>)."),
    INVALID_PARAMETER_VALUE("22023", Category.USER, "The value of parameter(s) <parameter> in <function> is invalid: <detail>."),
    DIVIDE_BY_ZERO("22012", Category.USER, "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."),
    REMAINDER_BY_ZERO("22012", Category.USER, "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."),
    ARITHMETIC_OVERFLOW("22003", Category.USER, "<message>. Use 'try_<function>' to tolerate overflow and return NULL instead."),
    BINARY_ARITHMETIC_OVERFLOW("22003", Category.USER, "<value1> <symbol> <value2> caused overflow. Use <functionName> to ignore overflow problem and return NULL."),
    CAST_INVALID_INPUT("22018", Category.USER, "The value <expression> of the type <sourceType> cannot be cast to <targetType> because it is malformed. Correct the value as per the syntax, or change its target type."),
    CAST_OVERFLOW("22003", Category.USER, "The value <value> of the type <sourceType> cannot be cast to <targetType> due to an overflow."),
    INVALID_ARRAY_INDEX("22003", Category.USER, "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead."),
    INVALID_ARRAY_INDEX_IN_ELEMENT_AT("22003", Category.USER, "The index <indexValue> is out of bounds. The array has <arraySize> elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead."),
    INVALID_INDEX_OF_ZERO("22003", Category.USER, "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1)."),
    NUMERIC_VALUE_OUT_OF_RANGE("22003", Category.USER, "The value <value> cannot be represented as <type>."),
    FAILED_READ_FILE("KD001", Category.USER, "Encountered error while reading file <path>. <reason>"),
    DUPLICATED_MAP_KEY("23505", Category.USER, "Duplicate map key <key> was found, please check the input data. If you want to remove the duplicated keys, you can set \"spark.sql.mapKeyDedupPolicy\" to \"LAST_WIN\" so that the key inserted at last takes precedence."),
    NULL_MAP_KEY("2200E", Category.USER, "Cannot use null as map key."),
    FIELD_NOT_FOUND("42704", Category.USER, "No such struct field <fieldName> in <fields>."),
    INVALID_EXTRACT_BASE_FIELD_TYPE("42000", Category.USER, "Can't extract a value from <base>. Need a complex type [STRUCT, ARRAY, MAP] but got <other>."),
    GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE("42822", Category.USER, "The expression <sqlExpr> cannot be used as a grouping expression because its data type <dataType> is not an orderable data type."),
    PATH_NOT_FOUND("42K03", Category.USER, "Path does not exist: <path>."),
    CONFLICTING_DIRECTORY_STRUCTURES("KD009", Category.USER, "Conflicting directory structures detected. Suspicious paths: <discoveredBasePaths> If provided paths are partition directories, please set \"basePath\" in the options of the data source to specify the root directory of the table. If there are multiple root directories, please load them separately and then union them."),
    CONFLICTING_PARTITION_COLUMN_NAMES("KD009", Category.USER, "Conflicting partition column names detected: <distinctPartColLists> For partitioned table directories, data files should only live in leaf directories. And directories at the same level should have the same partition column name. Please check the following directories for unexpected files or inconsistent partition column names: <suspiciousPaths>"),
    ALL_PARTITION_COLUMNS_NOT_ALLOWED("KD005", Category.USER, "Cannot use all columns for partition columns."),
    PARTITION_COLUMN_NOT_FOUND_IN_SCHEMA("42000", Category.USER, "Partition column <column> not found in schema <schema>. Please provide the existing column for partitioning."),
    LOCATION_ALREADY_EXISTS("42710", Category.USER, "Cannot name the managed table as <identifier>, as its associated location <location> already exists. Please pick a different table name, or remove the existing location first."),
    INCOMPATIBLE_DATA_FOR_TABLE("KD000", Category.USER, "Cannot write incompatible data for the table <tableName>: <detail>."),
    CAST_OVERFLOW_IN_TABLE_INSERT("22003", Category.USER, "Fail to assign a value of <sourceType> type to the <targetType> type column or variable <columnName> due to an overflow. Use `try_cast` on the input value to tolerate overflow and return NULL instead."),
    NON_PARTITION_COLUMN("42000", Category.USER, "PARTITION clause cannot contain the non-partition column: <columnName>."),
    INSERT_COLUMN_ARITY_MISMATCH("21S01", Category.USER, "Cannot write to <tableName>, the reason is <reason>: Table columns: <tableColumns>. Data columns: <dataColumns>."),
    PATH_ALREADY_EXISTS("42K04", Category.USER, "Path <path> already exists. Set mode as \"overwrite\" to overwrite the existing path."),
    MALFORMED_RECORD_IN_PARSING("22023", Category.USER, "Malformed records are detected in record parsing: <record>. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'."),
    UNSUPPORTED_FILE_SYSTEM("0A000", Category.USER, "No filesystem for scheme \"<scheme>\" of <path>. Available schemes: <available> (is ember-io on the class path?)."),
    UNABLE_TO_INFER_SCHEMA("42KD9", Category.USER, "Unable to infer schema for <format>. It must be specified manually."),
    UNSUPPORTED_DATA_SOURCE("0A000", Category.USER, "Unsupported data source format <format>. Available formats: <available>."),
    INVALID_CONF_VALUE("22022", Category.CONFIGURATION, "The value '<value>' in the config \"<key>\" is invalid: <detail>."),
    INVALID_MASTER_URL("22022", Category.CONFIGURATION, "Invalid master URL '<url>'. Use local, local[N], local[*]<more>."),
    UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE("0A000", Category.USER, "The <format> datasource doesn't support the column <columnName> of the type <columnType>."),
    MISSING_WINDOW_SPECIFICATION("42P20", Category.USER, "Window specification is not defined in the WINDOW clause for <windowName>. For more information about WINDOW clauses, please refer to 'https://spark.apache.org/docs/latest/sql-ref-syntax-qry-select-window.html'."),
    UDTF_ALIAS_NUMBER_MISMATCH("42802", Category.USER, "The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. Expected <aliasesNum> aliases, but got <aliasesSize>. Please make sure that the number of aliases provided matches the number of columns output by the UDTF."),
    UNSUPPORTED_FEATURE("0A000", Category.NOT_IMPLEMENTED, "The feature is not supported: <feature>."),
    CANNOT_READ_FILE_FOOTER("KD001", Category.USER, "Could not read footer for file: <file>. Please ensure that the file is in either ORC or Parquet format. If not, please convert it to a valid format. If the file is in the valid format, please check if it is corrupt. If it is, you can choose to either ignore it or fix the corruption. <detail>"),
    IO_ERROR("58030", Category.EXTERNAL, "<operation> failed for <path>: <detail>."),
    TASK_NOT_SERIALIZABLE("42K0N", Category.USER, "Task not serializable: the function passed to <method> reaches <class>, which is not serializable. Make it Serializable, or create it inside the function."),
    EXECUTION_MEMORY_EXCEEDED("53200", Category.RESOURCES, "<operator> needs <bytes> bytes of execution memory in one piece, more than a task can have of the executor's budget of <budget> bytes even after spilling. Raise \"<setting>\" (or lower the data a single row or key holds)."),
    TASK_FAILED("XX000", Category.EXTERNAL, "Task <task> failed: <detail>."),
    CLUSTER_NO_EXECUTORS("08001", Category.RESOURCES, "No worker accepted the application: <reason>."),
    EXECUTOR_LOST("08006", Category.EXTERNAL, "Executor <executor> was lost while running a task: <detail>."),
    SPARK_JOB_CANCELLED("XXKDA", Category.USER, "Job <jobId> cancelled <reason>"),
    INVALID_TYPED_LITERAL("42604", Category.USER, "The value of the typed literal <valueType> is invalid: <value>."),
    DATETIME_FIELD_OUT_OF_BOUNDS("22023", Category.USER, "<rangeMessage>. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."),
    CANNOT_PARSE_TIMESTAMP("22007", Category.USER, "<message>. Use `try_to_timestamp` to tolerate invalid input string and return NULL instead."),
    WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE("42601", Category.USER, "Window function <funcName> requires an OVER clause."),
    DISTINCT_WINDOW_FUNCTION_UNSUPPORTED("0A000", Category.USER, "Distinct window functions are not supported: <windowExpr>."),
    UNSUPPORTED_EXPR_FOR_WINDOW("42P20", Category.USER, "Expression <sqlExpr> not supported within a window function."),
    SCALAR_SUBQUERY_TOO_MANY_ROWS("21000", Category.USER, "More than one row returned by a subquery used as an expression."),
    UNSUPPORTED_GROUPING_EXPRESSION("42K0E", Category.USER, "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup."),
    GROUPING_COLUMN_MISMATCH("42803", Category.USER, "Column of grouping (<grouping>) can't be found in grouping columns <groupingColumns>."),
    /** A column of one frame used in an operator over another, such as a join condition naming a column a rename replaced. */
    MISSING_ATTRIBUTES("XX000", Category.USER, "Resolved attribute(s) <missingAttributes> missing from <input> in operator <operator>.<hint>"),
    INTERNAL_ERROR("XX000", Category.INTERNAL, "<message> This is likely a bug in Ember; please report it.");

    /** Who has to act on an error. */
    public enum Category { USER, CONFIGURATION, RESOURCES, EXTERNAL, NOT_IMPLEMENTED, INTERNAL }

    private final String sqlState;
    private final Category category;
    private final String template;

    ErrorClass(String sqlState, Category category, String template) {
        this.sqlState = requireNonNull(sqlState);
        this.category = requireNonNull(category);
        this.template = requireNonNull(template);
    }

    public String sqlState() {
        return sqlState;
    }

    public Category category() {
        return category;
    }

    public String template() {
        return template;
    }
}
