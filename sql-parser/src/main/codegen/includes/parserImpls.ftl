<#--
  Strom's grammar rules, included into Calcite's Parser.jj by FMPP.
  Code between braces is copied into the generated parser as is; JavaCC 4.0 reads only
  Java 5 syntax there (no diamond, no lambdas).
-->

/** Position of the token after the current one: where a missing clause should have been. */
JAVACODE SqlParserPos nextTokenPos()
{
    final Token t = getToken(1);
    return new SqlParserPos(t.beginLine, t.beginColumn, t.endLine, t.endColumn);
}


boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses a string literal in a place where Strom accepts nothing else. */
SqlNode QuotedString(String role) :
{
    final SqlNode e;
}
{
    e = StringLiteral() { return e; }
|
    (
        e = CompoundIdentifier()
    |
        e = NumericLiteral()
    |
        e = SpecialLiteral()
    )
    {
        throw SqlUtil.newContextException(e.getParserPosition(),
            StromParserResource.RESOURCE.mustBeQuoted(role, e.toString()));
    }
}

/** Parses {@code 'key' = 'value'}. */
SqlNode TableOption() :
{
    final SqlNode key;
    final SqlNode value;
}
{
    key = QuotedString("Option key")
    <EQ>
    value = QuotedString("Option value")
    {
        return new SqlKeyValue(Span.of(key, value).pos(), key, value);
    }
}

/** Parses {@code ('key' = 'value', ...)}. */
SqlNodeList TableOptions() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode option;
}
{
    <LPAREN> { s = span(); }
    [
        option = TableOption() { list.add(option); }
        (
            <COMMA> option = TableOption() { list.add(option); }
        )*
    ]
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** Parses {@code ('key', ...)} as used by ALTER TABLE ... RESET. */
SqlNodeList OptionKeys() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode key;
}
{
    <LPAREN> { s = span(); }
    key = QuotedString("Option key") { list.add(key); }
    (
        <COMMA> key = QuotedString("Option key") { list.add(key); }
    )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** Parses a column or field type: Calcite's types, Strom's, INTERVAL, then [NOT] NULL. */
SqlDataTypeSpec ColumnType() :
{
    SqlDataTypeSpec type;
    final SqlIntervalQualifier qualifier;
    final Span s;
}
{
    (
        <INTERVAL> { s = span(); }
        qualifier = IntervalQualifier()
        {
            type = new SqlDataTypeSpec(
                new SqlIntervalTypeNameSpec(qualifier, s.end(this)), s.end(this));
        }
    |
        type = DataType()
    )
    [
        <NOT> <NULL> {
            type = type.withNullable(Boolean.FALSE, Span.of(type).end(this));
        }
    |
        <NULL> {
            type = type.withNullable(Boolean.TRUE, Span.of(type).end(this));
        }
    ]
    {
        return type;
    }
}

/** Parses STRING, BYTES and TIMESTAMP_LTZ[(p)]. */
SqlTypeNameSpec StromAliasType() :
{
    final Span s;
    int precision = -1;
}
{
    <STRING> {
        return new SqlAliasTypeNameSpec(SqlAliasTypeNameSpec.Alias.STRING, -1, getPos());
    }
|
    <BYTES> {
        return new SqlAliasTypeNameSpec(SqlAliasTypeNameSpec.Alias.BYTES, -1, getPos());
    }
|
    <TIMESTAMP_LTZ> { s = span(); }
    precision = PrecisionOpt()
    {
        return new SqlAliasTypeNameSpec(SqlAliasTypeNameSpec.Alias.TIMESTAMP_LTZ, precision,
            s.end(this));
    }
}

/** Parses ARRAY&lt;t&gt; and MULTISET&lt;t&gt;. */
SqlTypeNameSpec StromAngleCollectionType() :
{
    final Span s;
    final SqlTypeName kind;
    final SqlDataTypeSpec element;
}
{
    (
        <ARRAY> { kind = SqlTypeName.ARRAY; }
    |
        <MULTISET> { kind = SqlTypeName.MULTISET; }
    )
    { s = span(); }
    <LT> element = ColumnType() <GT>
    {
        return new SqlAngleCollectionTypeNameSpec(kind, element, s.end(this));
    }
}

/** Parses MAP&lt;k, v&gt; whose key and value types may say NOT NULL. */
SqlTypeNameSpec StromAngleMapType() :
{
    final Span s;
    final SqlDataTypeSpec key;
    final SqlDataTypeSpec value;
}
{
    <MAP> { s = span(); }
    <LT> key = ColumnType() <COMMA> value = ColumnType() <GT>
    {
        return new SqlAngleMapTypeNameSpec(key, value, s.end(this));
    }
}

/** Parses ROW&lt;name type ['comment'], ...&gt; and ROW(name type ['comment'], ...). */
SqlTypeNameSpec StromRowType() :
{
    final Span s;
    final List<SqlIdentifier> names = new ArrayList<SqlIdentifier>();
    final List<SqlDataTypeSpec> types = new ArrayList<SqlDataTypeSpec>();
    final List<SqlNode> comments = new ArrayList<SqlNode>();
    final boolean angle;
}
{
    <ROW> { s = span(); }
    (
        <LT> { angle = true; }
        [ RowField(names, types, comments) ( <COMMA> RowField(names, types, comments) )* ]
        <GT>
    |
        <LPAREN> { angle = false; }
        [ RowField(names, types, comments) ( <COMMA> RowField(names, types, comments) )* ]
        <RPAREN>
    )
    {
        return new SqlStromRowTypeNameSpec(names, types, comments, angle, s.end(this));
    }
}

void RowField(List<SqlIdentifier> names, List<SqlDataTypeSpec> types, List<SqlNode> comments) :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    SqlNode comment = null;
}
{
    name = SimpleIdentifier()
    type = ColumnType()
    [ comment = StringLiteral() ]
    {
        names.add(name);
        types.add(type);
        comments.add(comment);
    }
}

/** Parses what follows CREATE [OR REPLACE]: [TEMPORARY [SYSTEM]] and the object. */
SqlCreate StromCreate(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean system = false;
    final SqlCreate create;
}
{
    [
        <TEMPORARY> { temporary = true; }
        [ <SYSTEM> { system = true; } ]
    ]
    (
        create = StromCreateTable(s, replace, temporary)
    |
        create = StromCreateView(s, temporary)
    |
        create = StromCreateFunction(s, temporary, system)
    |
        create = StromCreateCatalog(s)
    |
        create = StromCreateDatabase(s)
    )
    {
        if (system && !(create instanceof SqlCreateFunction)) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.systemOnlyForFunctions());
        }
        if (temporary
            && (create instanceof SqlCreateCatalog || create instanceof SqlCreateDatabase)) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.temporaryNotAllowed(create.getOperator().getName()));
        }
        if (replace && !(create instanceof SqlCreateTable)) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.orReplaceOnlyForCtas());
        }
        return create;
    }
}

SqlCreate StromCreateTable(Span s, boolean replace, boolean temporary) :
{
    final SqlCreateTable.Builder table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    final List<SqlNode> watermarks = new ArrayList<SqlNode>();
    boolean ifNotExists;
    SqlIdentifier name;
    SqlNode comment;
    SqlNodeList list;
    SqlTableLike like;
    SqlNode query = null;
}
{
    <TABLE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    {
        table = SqlCreateTable.builder(name).temporary(temporary).ifNotExists(ifNotExists)
            .orReplace(replace);
    }
    [
        <LPAREN>
        TableElement(columns, constraints, watermarks)
        ( <COMMA> TableElement(columns, constraints, watermarks) )*
        <RPAREN>
    ]
    [ <COMMENT> comment = StringLiteral() { table.comment(comment); } ]
    [
        <PARTITIONED> <BY> list = ParenthesizedSimpleIdentifierList() {
            table.partitionKeys(list);
        }
    ]
    [ <WITH> list = TableOptions() { table.tableOptions(list); } ]
    [
        like = TableLike() { table.like(like); }
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) { table.query(query); }
    ]
    {
        if (replace && query == null) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.orReplaceOnlyForCtas());
        }
        if (watermarks.size() > 1) {
            throw SqlUtil.newContextException(watermarks.get(1).getParserPosition(),
                StromParserResource.RESOURCE.duplicateWatermark());
        }
        final SqlNode secondKey = SqlCreateTable.secondPrimaryKey(columns, constraints);
        if (secondKey != null) {
            throw SqlUtil.newContextException(secondKey.getParserPosition(),
                StromParserResource.RESOURCE.duplicatePrimaryKey());
        }
        return table.columns(columns).constraints(constraints)
            .watermark(watermarks.isEmpty() ? null : (SqlWatermark) watermarks.get(0))
            .build(s.end(this));
    }
}

void TableElement(List<SqlNode> columns, List<SqlNode> constraints, List<SqlNode> watermarks) :
{
    final SqlNode e;
}
{
    (
        LOOKAHEAD(2)
        e = Watermark() { watermarks.add(e); }
    |
        e = TableConstraint() { constraints.add(e); }
    |
        e = TableColumn() { columns.add(e); }
    )
}

SqlNode Watermark() :
{
    final Span s;
    final SqlIdentifier column;
    final SqlNode strategy;
}
{
    <WATERMARK> { s = span(); }
    <FOR> column = CompoundIdentifier()
    <AS> strategy = Expression(ExprContext.ACCEPT_NON_QUERY)
    {
        return new SqlWatermark(s.end(this), column, strategy);
    }
}

SqlNode TableColumn() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final SqlNode expression;
    SqlNode comment = null;
    SqlNode metadataKey = null;
    boolean isVirtual = false;
    SqlTableConstraint constraint = null;
}
{
    name = SimpleIdentifier()
    (
        <AS> expression = Expression(ExprContext.ACCEPT_NON_QUERY)
        [ <COMMENT> comment = StringLiteral() ]
        {
            return new SqlComputedColumn(Span.of(name).end(this), name, expression, comment);
        }
    |
        type = ColumnType()
        (
            <METADATA>
            [ <FROM> metadataKey = StringLiteral() ]
            [ <VIRTUAL> { isVirtual = true; } ]
            [ <COMMENT> comment = StringLiteral() ]
            {
                return new SqlMetadataColumn(Span.of(name).end(this), name, type, metadataKey,
                    isVirtual, comment);
            }
        |
            [ constraint = ColumnConstraint(name) ]
            [ <COMMENT> comment = StringLiteral() ]
            {
                return new SqlRegularColumn(Span.of(name).end(this), name, type, constraint,
                    comment);
            }
        )
    )
}

/** Parses an inline {@code [CONSTRAINT name] PRIMARY KEY NOT ENFORCED} on one column. */
SqlTableConstraint ColumnConstraint(SqlIdentifier column) :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    { s = Span.of(nextTokenPos()); }
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    <PRIMARY> <KEY>
    NotEnforced()
    {
        return new SqlTableConstraint(s.end(this), name,
            new SqlNodeList(Collections.singletonList(column), column.getParserPosition()),
            true);
    }
}

/** Parses a table-level {@code [CONSTRAINT name] PRIMARY KEY (a, b) NOT ENFORCED}. */
SqlNode TableConstraint() :
{
    final Span s;
    SqlIdentifier name = null;
    final SqlNodeList columns;
}
{
    { s = Span.of(nextTokenPos()); }
    [ <CONSTRAINT> name = SimpleIdentifier() ]
    <PRIMARY> <KEY>
    columns = ParenthesizedSimpleIdentifierList()
    NotEnforced()
    {
        return new SqlTableConstraint(s.end(this), name, columns, false);
    }
}

/** Requires NOT ENFORCED, explaining why when it is missing. */
void NotEnforced() :
{
}
{
    <NOT> <ENFORCED>
|
    <ENFORCED> {
        throw SqlUtil.newContextException(getPos(),
            StromParserResource.RESOURCE.primaryKeyCannotBeEnforced());
    }
|
    {
        throw SqlUtil.newContextException(nextTokenPos(),
            StromParserResource.RESOURCE.primaryKeyNeedsNotEnforced());
    }
}

SqlTableLike TableLike() :
{
    final Span s;
    final SqlIdentifier source;
    final List<LikeOption> opts = new ArrayList<LikeOption>();
}
{
    <LIKE> { s = span(); }
    source = CompoundIdentifier()
    [
        <LPAREN>
        ( LikeOption(opts) )+
        <RPAREN>
    ]
    {
        return new SqlTableLike(s.end(this), source, opts);
    }
}

void LikeOption(List<LikeOption> opts) :
{
    final SqlTableLike.Strategy strategy;
    final SqlTableLike.Feature feature;
}
{
    (
        <INCLUDING> { strategy = SqlTableLike.Strategy.INCLUDING; }
    |
        <EXCLUDING> { strategy = SqlTableLike.Strategy.EXCLUDING; }
    |
        <OVERWRITING> { strategy = SqlTableLike.Strategy.OVERWRITING; }
    )
    (
        <ALL> { feature = SqlTableLike.Feature.ALL; }
    |
        <CONSTRAINTS> { feature = SqlTableLike.Feature.CONSTRAINTS; }
    |
        <GENERATED> { feature = SqlTableLike.Feature.GENERATED; }
    |
        <METADATA> { feature = SqlTableLike.Feature.METADATA; }
    |
        <OPTIONS> { feature = SqlTableLike.Feature.OPTIONS; }
    |
        <PARTITIONS> { feature = SqlTableLike.Feature.PARTITIONS; }
    |
        <WATERMARKS> { feature = SqlTableLike.Feature.WATERMARKS; }
    )
    {
        opts.add(new LikeOption(strategy, feature));
    }
}

SqlCreate StromCreateView(Span s, boolean temporary) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNodeList columns = SqlNodeList.EMPTY;
    SqlNode comment = null;
    final SqlNode query;
}
{
    <VIEW>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    [ <COMMENT> comment = StringLiteral() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), name, columns, comment, query, temporary,
            ifNotExists);
    }
}

SqlCreate StromCreateFunction(Span s, boolean temporary, boolean system) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlNode className;
    SqlCreateFunction.Language language = null;
    final List<SqlNode> jars = new ArrayList<SqlNode>();
    SqlNode jar;
}
{
    <FUNCTION>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    <AS> className = StringLiteral()
    [
        <LANGUAGE>
        (
            <JAVA> { language = SqlCreateFunction.Language.JAVA; }
        |
            <SCALA> { language = SqlCreateFunction.Language.SCALA; }
        |
            <PYTHON> { language = SqlCreateFunction.Language.PYTHON; }
        |
            <SQL> { language = SqlCreateFunction.Language.SQL; }
        )
    ]
    [
        <USING> <JAR> jar = StringLiteral() { jars.add(jar); }
        ( <COMMA> <JAR> jar = StringLiteral() { jars.add(jar); } )*
    ]
    {
        return new SqlCreateFunction(s.end(this), name, className, language,
            new SqlNodeList(jars, s.end(this)), temporary, system, ifNotExists);
    }
}

SqlCreate StromCreateCatalog(Span s) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNode comment = null;
    final SqlNodeList opts;
}
{
    <CATALOG>
    ifNotExists = IfNotExistsOpt()
    name = SimpleIdentifier()
    [ <COMMENT> comment = StringLiteral() ]
    <WITH> opts = TableOptions()
    {
        return new SqlCreateCatalog(s.end(this), name, comment, opts, ifNotExists);
    }
}

SqlCreate StromCreateDatabase(Span s) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlNode comment = null;
    SqlNodeList opts = SqlNodeList.EMPTY;
}
{
    <DATABASE>
    ifNotExists = IfNotExistsOpt()
    name = CompoundIdentifier()
    [ <COMMENT> comment = StringLiteral() ]
    [ <WITH> opts = TableOptions() ]
    {
        return new SqlCreateDatabase(s.end(this), name, comment, opts, ifNotExists);
    }
}

/** Parses what follows DROP: [TEMPORARY [SYSTEM]] and the object. */
SqlDrop StromDrop(Span s, boolean replace) :
{
    boolean temporary = false;
    boolean system = false;
    boolean ifExists;
    boolean cascade = false;
    SqlIdentifier name;
    final SqlDrop drop;
}
{
    [
        <TEMPORARY> { temporary = true; }
        [ <SYSTEM> { system = true; } ]
    ]
    (
        <TABLE> ifExists = IfExistsOpt() name = CompoundIdentifier() {
            drop = new SqlDropTable(s.end(this), name, ifExists, temporary);
        }
    |
        <VIEW> ifExists = IfExistsOpt() name = CompoundIdentifier() {
            drop = new SqlDropView(s.end(this), name, ifExists, temporary);
        }
    |
        <FUNCTION> ifExists = IfExistsOpt() name = CompoundIdentifier() {
            drop = new SqlDropFunction(s.end(this), name, ifExists, temporary, system);
        }
    |
        <CATALOG> ifExists = IfExistsOpt() name = SimpleIdentifier() {
            drop = new SqlDropCatalog(s.end(this), name, ifExists);
        }
    |
        <DATABASE> ifExists = IfExistsOpt() name = CompoundIdentifier()
        [ <RESTRICT> | <CASCADE> { cascade = true; } ]
        {
            drop = new SqlDropDatabase(s.end(this), name, ifExists, cascade);
        }
    )
    {
        if (system && !(drop instanceof SqlDropFunction)) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.systemOnlyForFunctions());
        }
        if (temporary && (drop instanceof SqlDropCatalog || drop instanceof SqlDropDatabase)) {
            throw SqlUtil.newContextException(s.pos(),
                StromParserResource.RESOURCE.temporaryNotAllowed(drop.getOperator().getName()));
        }
        return drop;
    }
}

SqlNode StromAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final SqlNodeList list;
    final SqlIdentifier newName;
}
{
    <ALTER> { s = span(); }
    <TABLE>
    ifExists = IfExistsOpt()
    name = CompoundIdentifier()
    (
        <SET> list = TableOptions() {
            return new SqlAlterTableOptions(s.end(this), name, ifExists, list);
        }
    |
        <RESET> list = OptionKeys() {
            return new SqlAlterTableReset(s.end(this), name, ifExists, list);
        }
    |
        <RENAME> <TO> newName = CompoundIdentifier() {
            return new SqlAlterTableRename(s.end(this), name, ifExists, newName);
        }
    )
}

/** Parses SET and SET 'key' = 'value'; Calcite's SET name = value is left to Calcite. */
SqlNode StromSet() :
{
    final Span s;
    SqlNode key = null;
    SqlNode value = null;
}
{
    <SET> { s = span(); }
    (
        key = StringLiteral()
        <EQ>
        value = QuotedString("SET value")
    |
        // SET (or RESET) alone; a plain method cannot be called here, as JAVACODE
        // methods throw ParseException, which lookahead code does not declare.
        LOOKAHEAD({ getToken(1).kind == SEMICOLON || getToken(1).kind == EOF }) { }
    )
    {
        return new SqlSet(s.end(this), key, value);
    }
}

/** Parses RESET and RESET 'key'; Calcite's RESET name is left to Calcite. */
SqlNode StromReset() :
{
    final Span s;
    SqlNode key = null;
}
{
    <RESET> { s = span(); }
    (
        key = StringLiteral()
    |
        // SET (or RESET) alone; a plain method cannot be called here, as JAVACODE
        // methods throw ParseException, which lookahead code does not declare.
        LOOKAHEAD({ getToken(1).kind == SEMICOLON || getToken(1).kind == EOF }) { }
    )
    {
        return new SqlReset(s.end(this), key);
    }
}

SqlNode StromUse() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <USE> { s = span(); }
    (
        LOOKAHEAD(2)
        <CATALOG> name = SimpleIdentifier() {
            return new SqlUseCatalog(s.end(this), name);
        }
    |
        name = CompoundIdentifier() {
            return new SqlUseDatabase(s.end(this), name);
        }
    )
}

SqlNode StromShow() :
{
    final Span s;
    SqlShowList.Kind kind;
    SqlIdentifier scope = null;
    boolean notLike = false;
    SqlNode pattern = null;
    final SqlIdentifier name;
}
{
    <SHOW> { s = span(); }
    (
        <CURRENT>
        (
            <CATALOG> { return new SqlShowCurrent(s.end(this), SqlShowCurrent.Kind.CATALOG); }
        |
            <DATABASE> { return new SqlShowCurrent(s.end(this), SqlShowCurrent.Kind.DATABASE); }
        )
    |
        <CREATE>
        (
            <TABLE> name = CompoundIdentifier() {
                return new SqlShowCreate(s.end(this), SqlShowCreate.Kind.TABLE, name);
            }
        |
            <VIEW> name = CompoundIdentifier() {
                return new SqlShowCreate(s.end(this), SqlShowCreate.Kind.VIEW, name);
            }
        )
    |
        <JOBS> { return new SqlShowList(s.end(this), SqlShowList.Kind.JOBS, null, false, null); }
    |
        <JARS> { return new SqlShowList(s.end(this), SqlShowList.Kind.JARS, null, false, null); }
    |
        <COLUMNS> ( <FROM> | <IN> ) scope = CompoundIdentifier()
        [ [ <NOT> { notLike = true; } ] <LIKE> pattern = StringLiteral() ]
        {
            return new SqlShowList(s.end(this), SqlShowList.Kind.COLUMNS, scope, notLike, pattern);
        }
    |
        <CATALOGS>
        [ [ <NOT> { notLike = true; } ] <LIKE> pattern = StringLiteral() ]
        {
            return new SqlShowList(s.end(this), SqlShowList.Kind.CATALOGS, null, notLike, pattern);
        }
    |
        (
            <DATABASES> { kind = SqlShowList.Kind.DATABASES; }
        |
            <TABLES> { kind = SqlShowList.Kind.TABLES; }
        |
            <VIEWS> { kind = SqlShowList.Kind.VIEWS; }
        |
            <FUNCTIONS> { kind = SqlShowList.Kind.FUNCTIONS; }
        |
            <USER> <FUNCTIONS> { kind = SqlShowList.Kind.USER_FUNCTIONS; }
        )
        [ ( <FROM> | <IN> ) scope = CompoundIdentifier() ]
        [ [ <NOT> { notLike = true; } ] <LIKE> pattern = StringLiteral() ]
        {
            return new SqlShowList(s.end(this), kind, scope, notLike, pattern);
        }
    )
}

/** Parses DESCRIBE | DESC [EXTENDED] name. */
SqlNode StromDescribe() :
{
    final Span s;
    boolean extended = false;
    final SqlIdentifier name;
}
{
    ( <DESCRIBE> | <DESC> ) { s = span(); }
    [
        // A table may be called "extended": then the name follows directly.
        LOOKAHEAD({ getToken(1).kind == EXTENDED && getToken(2).kind != EOF
            && getToken(2).kind != SEMICOLON })
        <EXTENDED> { extended = true; }
    ]
    name = CompoundIdentifier()
    {
        return new SqlDescribeTableOrView(s.end(this), name, extended);
    }
}

/** Parses EXPLAIN [PLAN FOR | detail, ...] statement. */
SqlNode StromExplain() :
{
    final Span s;
    final Set<Detail> details = EnumSet.noneOf(SqlStromExplain.Detail.class);
    boolean planFor = false;
    final SqlNode statement;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(2)
        <PLAN> <FOR> { planFor = true; }
    |
        LOOKAHEAD(1)
        ExplainDetail(details) ( <COMMA> ExplainDetail(details) )*
    |
        { }
    )
    statement = ExplainableStatement()
    {
        return new SqlStromExplain(s.end(this), statement, details, planFor);
    }
}

void ExplainDetail(Set<Detail> details) :
{
    final SqlStromExplain.Detail detail;
}
{
    (
        <ESTIMATED_COST> { detail = SqlStromExplain.Detail.ESTIMATED_COST; }
    |
        <CHANGELOG_MODE> { detail = SqlStromExplain.Detail.CHANGELOG_MODE; }
    |
        <JSON_EXECUTION_PLAN> { detail = SqlStromExplain.Detail.JSON_EXECUTION_PLAN; }
    |
        <PLAN_ADVICE> { detail = SqlStromExplain.Detail.PLAN_ADVICE; }
    )
    {
        if (!details.add(detail)) {
            throw SqlUtil.newContextException(getPos(),
                StromParserResource.RESOURCE.duplicateExplainDetail(detail.name()));
        }
    }
}

SqlNode ExplainableStatement() :
{
    final SqlNode statement;
}
{
    (
        statement = StromInsert()
    |
        statement = StromExecute()
    |
        LOOKAHEAD(2)
        statement = StromStatementSet()
    |
        statement = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    {
        return statement;
    }
}

/** Parses INSERT|UPSERT INTO|OVERWRITE table [PARTITION (k = v, ...)] [(columns)] query. */
SqlNode StromInsert() :
{
    final List<SqlLiteral> keywords = new ArrayList<SqlLiteral>();
    final Span s;
    boolean overwrite = false;
    final SqlIdentifier tableName;
    SqlNode table;
    SqlNodeList partition = SqlNodeList.EMPTY;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    (
        <INSERT>
    |
        <UPSERT> { keywords.add(SqlInsertKeyword.UPSERT.symbol(getPos())); }
    )
    { s = span(); }
    (
        <INTO>
    |
        <OVERWRITE> { overwrite = true; }
    )
    tableName = CompoundTableIdentifier()
    ( table = TableHints(tableName) | { table = tableName; } )
    [ <PARTITION> partition = PartitionSpec() ]
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlStromInsert(s.end(source), new SqlNodeList(keywords, s.pos()), table,
            source, columns, overwrite, partition);
    }
}

/** Parses the static partition of an INSERT: (k = literal, ...). */
SqlNodeList PartitionSpec() :
{
    final Span s;
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier key;
    SqlNode value;
}
{
    <LPAREN> { s = span(); }
    key = SimpleIdentifier() <EQ> value = Literal() {
        list.add(new SqlKeyValue(Span.of(key, value).pos(), key, value));
    }
    (
        <COMMA> key = SimpleIdentifier() <EQ> value = Literal() {
            list.add(new SqlKeyValue(Span.of(key, value).pos(), key, value));
        }
    )*
    <RPAREN>
    {
        return new SqlNodeList(list, s.end(this));
    }
}

/** Parses EXECUTE STATEMENT SET ..., EXECUTE INSERT ... and EXECUTE query. */
SqlNode StromExecute() :
{
    final Span s;
    final SqlNode statement;
}
{
    <EXECUTE> { s = span(); }
    (
        LOOKAHEAD(2)
        statement = StromStatementSet()
    |
        statement = StromInsert()
    |
        statement = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    {
        return new SqlExecute(s.end(this), statement);
    }
}

/** Parses STATEMENT SET BEGIN insert; ... END. */
SqlNode StromStatementSet() :
{
    final Span s;
    final List<SqlNode> inserts = new ArrayList<SqlNode>();
    SqlNode insert;
}
{
    <STATEMENT> { s = span(); }
    <SET> <BEGIN>
    (
        insert = StromInsert() <SEMICOLON> { inserts.add(insert); }
    )+
    <END>
    {
        return new SqlStatementSet(s.end(this), inserts);
    }
}

/** Parses the SQL client's BEGIN STATEMENT SET, which opens a set that END closes. */
SqlNode StromBeginStatementSet() :
{
    final Span s;
}
{
    <BEGIN> { s = span(); } <STATEMENT> <SET> {
        return new SqlBeginStatementSet(s.end(this));
    }
}

SqlNode StromEndStatementSet() :
{
}
{
    <END> { return new SqlEndStatementSet(getPos()); }
}

/** Parses STOP JOB 'id' [WITH SAVEPOINT] [WITH DRAIN]. */
SqlNode StromStopJob() :
{
    final Span s;
    final SqlNode id;
    boolean savepoint = false;
    boolean drain = false;
}
{
    <STOP> { s = span(); }
    <JOB> id = StringLiteral()
    [ LOOKAHEAD(2) <WITH> <SAVEPOINT> { savepoint = true; } ]
    [ <WITH> <DRAIN> { drain = true; } ]
    {
        return new SqlStopJob(s.end(this), id, savepoint, drain);
    }
}

/** Parses ADD JAR 'path' and REMOVE JAR 'path'. */
SqlNode StromJar() :
{
    final Span s;
    final SqlJar.Action action;
    final SqlNode path;
}
{
    (
        <ADD> { action = SqlJar.Action.ADD; }
    |
        <REMOVE> { action = SqlJar.Action.REMOVE; }
    )
    { s = span(); }
    <JAR> path = StringLiteral()
    {
        return new SqlJar(s.end(this), action, path);
    }
}
