package io.protoguard.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A shipped protocol copied under a new id into a temporary folder, with cells edited as an author would. */
public final class ProtocolCopy {
    public final Path dir;

    private ProtocolCopy(Path dir) {
        this.dir = dir;
    }

    public static ProtocolCopy of(String shipped, Path parent, String newId) throws IOException {
        Path target = Files.createDirectories(parent.resolve(newId));
        try (Stream<Path> files = Files.list(Path.of("decision-tables", shipped))) {
            for (Path p : files.toList()) Files.copy(p, target.resolve(p.getFileName()));
        }
        Path props = target.resolve("protocol.properties");
        Files.writeString(props, Files.readString(props).replace("id=" + shipped, "id=" + newId));
        return new ProtocolCopy(target);
    }

    /** Sets a cell (e.g. "E11") to a text, or a number when {@code value} is a Double; null removes the cell. */
    public ProtocolCopy set(String file, String sheet, String ref, Object value) throws IOException {
        return edit(file, wb -> {
            Sheet s = wb.getSheet(sheet);
            CellReference c = new CellReference(ref);
            Row row = s.getRow(c.getRow()) == null ? s.createRow(c.getRow()) : s.getRow(c.getRow());
            if (value == null) {
                Cell old = row.getCell(c.getCol());
                if (old != null) row.removeCell(old);
                return;
            }
            Cell cell = row.getCell(c.getCol()) == null ? row.createCell(c.getCol()) : row.getCell(c.getCol());
            if (value instanceof Double d) cell.setCellValue(d);
            else cell.setCellValue(value.toString());
        });
    }

    public interface WorkbookEdit {
        void apply(XSSFWorkbook wb) throws IOException;
    }

    public ProtocolCopy edit(String file, WorkbookEdit edit) throws IOException {
        Path p = dir.resolve(file);
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(p)) {
            wb = new XSSFWorkbook(in);
        }
        edit.apply(wb);
        try (OutputStream out = Files.newOutputStream(p)) {
            wb.write(out);
        }
        wb.close();
        return this;
    }
}
