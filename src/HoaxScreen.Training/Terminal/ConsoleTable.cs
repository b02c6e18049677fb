using Spectre.Console;
using Spectre.Console.Rendering;

namespace HoaxScreen.Training.Terminal;

/// <summary>
/// Spectre tables of figures: the first column (a name) left-aligned, the figures right-aligned; cells are plain text,
/// never markup, so a label or a file name with brackets prints as it is.
/// </summary>
public static class ConsoleTable
{
    public static Table Create(TableBorder border, string first, params string[] figures)
    {
        var table = new Table().Border(border).AddColumn(new TableColumn(new Text(first)));
        foreach (var header in figures)
        {
            table.AddColumn(new TableColumn(new Text(header)).RightAligned());
        }

        return table;
    }

    public static void AddRow(Table table, params string[] cells) =>
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)).ToArray());
}
