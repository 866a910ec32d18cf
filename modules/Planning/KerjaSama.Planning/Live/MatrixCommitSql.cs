using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KerjaSama.Planning.Live;

/// <summary>
/// The sequencer's commit without change tracking: multi-row INSERTs for the op log and the new rows, one UPDATE per
/// changed row, written through the provider's own connection in one transaction. Tables, columns, quoting and value
/// conversions come from the EF model of the provider in use, so the SQL is the same shape on SQLite, PostgreSQL and
/// SQL Server and follows the migrations. Statements are cut so that no command carries more than
/// <see cref="MaxParameters"/> parameters (SQL Server allows 2,100).
/// </summary>
internal sealed class MatrixCommitSql
{
    public const int MaxParameters = 2_000;

    private readonly Table _ops;
    private readonly Table _rows;

    private MatrixCommitSql(Table ops, Table rows) => (_ops, _rows) = (ops, rows);

    /// <summary>Built once per provider (the model is the same for every context of one provider).</summary>
    public static MatrixCommitSql For(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        return new MatrixCommitSql(Table.Of(db, typeof(MatrixOpRecord), sql), Table.Of(db, typeof(MatrixRow), sql));
    }

    /// <summary>The commands for one batch, in order: op log, new rows, changed rows.</summary>
    public List<DbCommand> Commands(DbConnection connection, IReadOnlyList<MatrixOpRecord> ops, IReadOnlyList<MatrixRow> inserted,
        IReadOnlyList<MatrixRow> updated)
    {
        var commands = new List<DbCommand>();
        _ops.Inserts(connection, ops, commands);
        _rows.Inserts(connection, inserted, commands);
        _rows.Updates(connection, updated, commands);
        return commands;
    }

    /// <summary>
    /// Single-record statements prepared once on a connection that lives as long as the host (SQLite: one writer, so one
    /// connection; preparing the three statements once saves parsing them on every commit).
    /// </summary>
    public Prepared Prepare(DbConnection connection) =>
        new(_ops.PreparedInsert(connection), _rows.PreparedInsert(connection), _rows.PreparedUpdate(connection), _ops, _rows);

    /// <summary>The three statements of <see cref="Prepare"/>; bind a record and execute, inside the caller's transaction.</summary>
    public sealed class Prepared(DbCommand insertOp, DbCommand insertRow, DbCommand updateRow, Table ops, Table rows) : IDisposable
    {
        public DbCommand InsertOp(MatrixOpRecord op) => ops.Bind(insertOp, op);

        public DbCommand InsertRow(MatrixRow row) => rows.Bind(insertRow, row);

        public DbCommand UpdateRow(MatrixRow row) => rows.BindUpdate(updateRow, row);

        public void Dispose()
        {
            insertOp.Dispose();
            insertRow.Dispose();
            updateRow.Dispose();
        }
    }

    /// <summary>The SQL text a batch would run (tests check it for every provider, SQL Server included).</summary>
    public IEnumerable<string> Texts(DbConnection connection, IReadOnlyList<MatrixOpRecord> ops, IReadOnlyList<MatrixRow> inserted,
        IReadOnlyList<MatrixRow> updated) =>
        Commands(connection, ops, inserted, updated).Select(c => c.CommandText);

    internal sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, bool IsKey);

    internal sealed class Table(string name, Column[] columns, ISqlGenerationHelper sql)
    {
        private readonly string _insertHead = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ";
        private readonly Column[] _set = [.. columns.Where(c => !c.IsKey)];
        private readonly Column[] _key = [.. columns.Where(c => c.IsKey)];

        public static Table Of(DbContext db, Type clrType, ISqlGenerationHelper sql)
        {
            var entity = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not mapped.");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties;
            var columns = entity.GetProperties()
                .Select(p => new Column(sql.DelimitIdentifier(p.GetColumnName(store)!), p, p.GetRelationalTypeMapping(), key.Contains(p)))
                .ToArray();
            return new Table(sql.DelimitIdentifier(store.Name, store.Schema), columns, sql);
        }

        public DbCommand PreparedInsert(DbConnection connection)
        {
            var command = connection.CreateCommand();
            command.CommandText = _insertHead + "(" + string.Join(", ", columns.Select(c => Parameter(command, c, null))) + ")" + sql.StatementTerminator;
            command.Prepare();
            return command;
        }

        public DbCommand PreparedUpdate(DbConnection connection)
        {
            var command = connection.CreateCommand();
            var set = string.Join(", ", _set.Select(c => c.Name + " = " + Parameter(command, c, null)));
            var where = string.Join(" AND ", _key.Select(c => c.Name + " = " + Parameter(command, c, null)));
            command.CommandText = $"UPDATE {name} SET {set} WHERE {where}{sql.StatementTerminator}";
            command.Prepare();
            return command;
        }

        /// <summary>Sets the parameters of a prepared insert (in column order) from the record.</summary>
        public DbCommand Bind(DbCommand command, object entity)
        {
            for (var c = 0; c < columns.Length; c++)
                command.Parameters[c].Value = Value(columns[c], entity);
            return command;
        }

        /// <summary>Sets the parameters of a prepared update (the changed columns, then the key) from the record.</summary>
        public DbCommand BindUpdate(DbCommand command, object entity)
        {
            for (var c = 0; c < _set.Length; c++)
                command.Parameters[c].Value = Value(_set[c], entity);
            for (var c = 0; c < _key.Length; c++)
                command.Parameters[_set.Length + c].Value = Value(_key[c], entity);
            return command;
        }

        private static object Value(Column column, object entity)
        {
            var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            if (column.Mapping.Converter is { } converter)
                value = converter.ConvertToProvider(value);
            return value ?? DBNull.Value;
        }

        public void Inserts<T>(DbConnection connection, IReadOnlyList<T> entities, List<DbCommand> commands)
            where T : class
        {
            var perCommand = Math.Max(1, MaxParameters / columns.Length);
            for (var start = 0; start < entities.Count; start += perCommand)
            {
                var command = connection.CreateCommand();
                var text = new StringBuilder(_insertHead);
                var end = Math.Min(entities.Count, start + perCommand);
                for (var i = start; i < end; i++)
                {
                    text.Append(i == start ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        if (c > 0)
                            text.Append(", ");
                        text.Append(Parameter(command, columns[c], entities[i]));
                    }

                    text.Append(')');
                }

                command.CommandText = text.Append(sql.StatementTerminator).ToString();
                commands.Add(command);
            }
        }

        public void Updates<T>(DbConnection connection, IReadOnlyList<T> entities, List<DbCommand> commands)
            where T : class
        {
            var perCommand = Math.Max(1, MaxParameters / columns.Length);
            DbCommand? command = null;
            StringBuilder? text = null;
            var inCommand = 0;
            foreach (var entity in entities)
            {
                if (command is null || inCommand == perCommand)
                {
                    Flush();
                    command = connection.CreateCommand();
                    text = new StringBuilder();
                    inCommand = 0;
                }

                text!.Append("UPDATE ").Append(name).Append(" SET ");
                for (var c = 0; c < _set.Length; c++)
                {
                    if (c > 0)
                        text.Append(", ");
                    text.Append(_set[c].Name).Append(" = ").Append(Parameter(command, _set[c], entity));
                }

                text.Append(" WHERE ");
                for (var c = 0; c < _key.Length; c++)
                {
                    if (c > 0)
                        text.Append(" AND ");
                    text.Append(_key[c].Name).Append(" = ").Append(Parameter(command, _key[c], entity));
                }

                text.Append(sql.StatementTerminator).Append('\n');
                inCommand++;
            }

            Flush();

            void Flush()
            {
                if (command is null)
                    return;
                command.CommandText = text!.ToString();
                commands.Add(command);
            }
        }

        private string Parameter(DbCommand command, Column column, object? entity)
        {
            // Named as written in the SQL ("@p0"): Microsoft.Data.Sqlite then finds each parameter with one lookup
            // instead of trying its prefixes on every execution; Npgsql and SqlClient accept the prefixed name as well.
            var placeholder = sql.GenerateParameterNamePlaceholder("p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture));
            var value = entity is null ? null : column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
            command.Parameters.Add(column.Mapping.CreateParameter(command, placeholder, value, column.Property.IsNullable));
            return placeholder;
        }
    }
}
