using System.Data.Common;
using System.Globalization;

namespace HoaxScreen.Core.Data;

/// <summary>The few ADO.NET calls the stores repeat, for either database.</summary>
internal static class StoreCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds the parameter <paramref name="name"/> (with its <c>@</c>); null binds SQL NULL.</summary>
    public static DbParameter Bind(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static int Execute(this DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, converted (the databases differ in integer widths); default when none.</summary>
    public static T Scalar<T>(this DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Bind(name, value);
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>An integer column, whichever width the database returns it in (PostgreSQL's sum is numeric).</summary>
    public static int GetCount(this DbDataReader reader, int column) =>
        Convert.ToInt32(reader.GetValue(column), CultureInfo.InvariantCulture);
}
