package io.protoguard.intake;

import java.util.Arrays;
import java.util.List;

/** The sheets and columns of the data workbook (SPEC section 3), for templates and upload unpacking. */
public final class WorkbookLayout {
    private WorkbookLayout() {}

    public record Column(String name, boolean required) {}

    public record Sheet(String name, List<Column> columns) {}

    public static List<Sheet> sheets() {
        return Arrays.stream(SheetKind.values())
                .map(k -> new Sheet(k.sheetName(), k.columns().stream().map(c -> new Column(c.name(), c.required())).toList()))
                .toList();
    }
}
