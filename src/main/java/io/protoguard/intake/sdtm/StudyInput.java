package io.protoguard.intake.sdtm;

import io.protoguard.intake.WorkbookReader;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.mapping.WorkbookLayout;
import io.protoguard.model.CodeBook;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import io.protoguard.model.rules.ProtocolRule;

/**
 * One door for a study's data, whatever its layout: an SDTM folder or .zip (a DM domain as .xpt, .json or .csv)
 * is read through the SDTM mapping, anything else as the data workbook (SPEC section 3). Used by check, the
 * web upload and the nightly run.
 */
public final class StudyInput {
    private StudyInput() {}

    public static boolean isSdtm(Path path) {
        return SdtmFiles.looksLikeSdtm(path);
    }

    /** Streams the subjects to {@code consumer} in SubjectId order. {@code mapping} null = the shipped SDTM mapping. */
    public static WorkbookReader.Summary stream(Path path, CodeBook codes, ZoneId zone, SdtmMapping mapping,
                                                Consumer<SubjectData> consumer) {
        return stream(path, codes, zone, mapping, null, consumer);
    }

    /** {@code layout}: the data is another workbook-style layout (an EDC export), read through that mapping. */
    public static WorkbookReader.Summary stream(Path path, CodeBook codes, ZoneId zone, SdtmMapping mapping, WorkbookLayout layout,
                                                Consumer<SubjectData> consumer) {
        return stream(path, codes, zone, mapping, layout, UnaryOperator.identity(), consumer);
    }

    /** {@code tune} configures the workbook reader (CSV encoding, the rules that tell a missing sheet's cost). */
    public static WorkbookReader.Summary stream(Path path, CodeBook codes, ZoneId zone, SdtmMapping mapping, WorkbookLayout layout,
                                                UnaryOperator<WorkbookReader> tune, Consumer<SubjectData> consumer) {
        if (layout != null) return tune.apply(new WorkbookReader(codes, zone, layout)).stream(path, consumer);
        if (!isSdtm(path)) return tune.apply(new WorkbookReader(codes, zone)).stream(path, consumer);
        SdtmStudyReader.Result r = new SdtmStudyReader(mapping == null ? SdtmMapping.standard() : mapping, zone).read(path);
        r.data().subjects().forEach(consumer);
        return new WorkbookReader.Summary(r.data().subjects().size(), r.data().errors(), r.data().warnings());
    }

    public static WorkbookData read(Path path, CodeBook codes, ZoneId zone, SdtmMapping mapping) {
        return read(path, codes, zone, mapping, List.of());
    }

    /** As above; {@code rules} are the protocol's, so that a sheet they read but the data lacks is a warning. */
    public static WorkbookData read(Path path, CodeBook codes, ZoneId zone, SdtmMapping mapping,
                                    List<? extends ProtocolRule> rules) {
        List<SubjectData> subjects = new ArrayList<>();
        WorkbookReader.Summary s = stream(path, codes, zone, mapping, null, r -> r.withRules(rules), subjects::add);
        return new WorkbookData(subjects, s.errors(), s.warnings());
    }
}
