package io.protoguard.intake.sdtm;

import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.InputError;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a study's SDTM domains (folder or .zip, any of the three formats) through a mapping into subjects'
 * facts. Every record is accounted for: used for a fact, reported as an input error, or counted in a warning
 * (a domain the mapping does not use, records of subjects who are not checked).
 */
public final class SdtmStudyReader {
    private final SdtmMapping mapping;
    private final ZoneId zone;

    public SdtmStudyReader(SdtmMapping mapping, ZoneId zone) {
        this.mapping = mapping;
        this.zone = zone;
    }

    /** What was read and how every record was accounted for. */
    public record Result(WorkbookData data, Map<String, Integer> recordsByDomain, List<String> notChecked) {}

    public Result read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        List<InputError> errors = new ArrayList<>(), warnings = new ArrayList<>();
        Map<String, List<SdtmRecord>> byDomain = new LinkedHashMap<>();
        Map<String, String> fileOfDomain = new HashMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, java.util.Set<String>> wanted = SdtmAssembler.variables(mapping);
        try {
            SdtmFiles.read(path, new SdtmFiles.Listener() {
                @Override
                public void record(SdtmRecord r) {
                    String earlier = fileOfDomain.putIfAbsent(r.domain(), r.file());
                    if (earlier != null && !earlier.equals(r.file())) {
                        if (r.row() == 1) errors.add(new InputError(r.file(), r.domain(), null, null, null,
                                "a second " + r.domain() + " domain (already read from " + earlier + "); this file is not used"));
                        return;
                    }
                    counts.merge(r.domain(), 1, Integer::sum);
                    java.util.Set<String> keep = wanted.get(r.domain());
                    if (keep == null) return; // a domain the mapping does not use: counted (and named in a warning), not kept
                    // only the variables the mapping reads are kept, so a large study's records stay small in memory
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String v : keep) if (r.values().containsKey(v)) values.put(v, r.values().get(v));
                    byDomain.computeIfAbsent(r.domain(), k -> new ArrayList<>()).add(new SdtmRecord(r.file(), r.domain(), r.row(), values));
                }

                @Override
                public void unreadable(SdtmInputException fault) {
                    errors.add(new InputError(fault.file(), null, fault.record(), null, null, stripFile(fault)));
                }

                @Override
                public void skipped(String file, String why) {
                    warnings.add(new InputError(file, null, null, null, null, why));
                }
            });
        } catch (IOException e) {
            errors.add(new InputError(name, null, null, null, null, "cannot be read (" + e.getMessage() + ")"));
            return new Result(new WorkbookData(List.of(), errors, warnings), counts, List.of());
        }
        SdtmAssembler assembler = new SdtmAssembler(mapping, new SdtmDates(zone), errors, warnings);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (!wanted.containsKey(e.getKey())) warnings.add(new InputError(fileOfDomain.get(e.getKey()), e.getKey(), null, null, null,
                    "domain " + e.getKey() + " is not used by mapping " + mapping.name() + " (" + e.getValue() + " records read)"));
        }
        List<SubjectData> subjects = assembler.assemble(byDomain, name);
        return new Result(new WorkbookData(subjects, errors, warnings), counts, assembler.notChecked());
    }

    private static String stripFile(SdtmInputException e) {
        String prefix = e.file() + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }
}
