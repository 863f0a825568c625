package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.intake.sdtm.SdtmStudyReader;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.Criterion;
import io.protoguard.model.SubjectData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 3: IE, QS/VS/LB and AE feed criteria, assessments and events as their tests are coded. A tiny SDTM CSV
 * study written here goes through the shipped mapping (mappings/sdtm.yaml).
 */
class SdtmFactDomainsTest {

    private static void csv(Path dir, String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static SdtmStudyReader.Result read(Path study) {
        return new SdtmStudyReader(SdtmMapping.standard(), ZoneId.of("UTC")).read(study);
    }

    @Test
    void ieQsVsLbAndAeBecomeCriteriaAssessmentsAndEvents(@TempDir Path study) throws Exception {
        csv(study, "dm.csv", "STUDYID,DOMAIN,USUBJID,SITEID,ARMCD,SEX,AGE,RFSTDTC",
                "S1,DM,S1-001,701,Pbo,F,63,2014-01-02");
        csv(study, "ie.csv", "STUDYID,DOMAIN,USUBJID,IESEQ,IETESTCD,IEORRES",
                "S1,IE,S1-001,1,incl01,y", "S1,IE,S1-001,2,EXCL03,N");
        csv(study, "qs.csv", "STUDYID,DOMAIN,USUBJID,QSSEQ,QSTESTCD,QSORRES,QSSTRESN,QSDTC,VISIT",
                "S1,QS,S1-001,7,ACTOT,21,21,2014-01-16,week 2");
        csv(study, "vs.csv", "STUDYID,DOMAIN,USUBJID,VSSEQ,VSTESTCD,VSORRES,VSSTRESN,VSDTC,VISIT",
                "S1,VS,S1-001,3,SYSBP,140,140,2014-01-02T09:30,BASELINE");
        csv(study, "lb.csv", "STUDYID,DOMAIN,USUBJID,LBSEQ,LBTESTCD,LBORRES,LBSTRESN,LBDTC,VISIT",
                "S1,LB,S1-001,12,ALT,<5,,2014-01-03,BASELINE");
        csv(study, "ae.csv", "STUDYID,DOMAIN,USUBJID,AESEQ,AESPID,AEDECOD,AESTDTC",
                "S1,AE,S1-001,4,,Application site pruritus,2014-01-05",
                "S1,AE,S1-001,5,E-9,Dizziness,2014-02-01T08:00");

        SdtmStudyReader.Result r = read(study);
        assertThat(r.data().errors()).isEmpty();
        assertThat(r.data().subjects()).hasSize(1);
        SubjectData s = r.data().subjects().get(0);

        assertThat(s.criteria()).extracting(Criterion::code, Criterion::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("INCL01", "Y"), org.assertj.core.groups.Tuple.tuple("EXCL03", "N"));
        assertThat(s.criteria().get(1).source().domain()).isEqualTo("IE");
        assertThat(s.criteria().get(1).source().seq()).isEqualTo(2L);

        assertThat(s.assessments()).extracting(Assessment::test).containsExactlyInAnyOrder("ACTOT", "SYSBP", "ALT");
        Assessment qs = s.assessments().stream().filter(a -> a.test().equals("ACTOT")).findFirst().orElseThrow();
        assertThat(qs.visit()).isEqualTo("WEEK 2");
        assertThat(qs.number()).isEqualTo(21.0);
        assertThat(qs.performedAt().date()).isEqualTo(LocalDate.of(2014, 1, 16));
        assertThat(qs.source().file()).isEqualTo("qs.csv");
        assertThat(qs.source().seq()).isEqualTo(7L);
        Assessment lb = s.assessments().stream().filter(a -> a.test().equals("ALT")).findFirst().orElseThrow();
        assertThat(lb.value()).isEqualTo("<5");
        assertThat(lb.number()).as("no LBSTRESN: the original result only").isNull();

        List<ClinicalEvent> events = s.events();
        assertThat(events).extracting(ClinicalEvent::type).containsExactly("APPLICATION SITE PRURITUS", "DIZZINESS");
        assertThat(events).extracting(ClinicalEvent::eventId).containsExactly("AE4", "E-9");
        assertThat(events.get(0).detectedAt().date()).isEqualTo(LocalDate.of(2014, 1, 5));
        assertThat(events.get(1).source().domain()).isEqualTo("AE");
        assertThat(events.get(1).source().row()).isEqualTo(2);
        assertThat(events.get(1).source().seq()).isEqualTo(5L);
        assertThat(events.get(0).reportedSaeAt()).isNull();
    }

    @Test
    void anAeRecordWithoutItsTermOrWithAPartialDateIsAnInputErrorNamingFileRecordAndVariable(@TempDir Path study) throws Exception {
        csv(study, "dm.csv", "STUDYID,DOMAIN,USUBJID,RFSTDTC", "S1,DM,S1-001,2014-01-02");
        csv(study, "ae.csv", "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC",
                "S1,AE,S1-001,1,,2014-01-05", "S1,AE,S1-001,2,Headache,2014-02", "S1,AE,S1-001,3,Headache,2014-02-03");
        SdtmStudyReader.Result r = read(study);
        assertThat(r.data().errors()).extracting(e -> e.file() + " " + e.sheet() + " " + e.row() + " " + e.column())
                .containsExactly("ae.csv AE 1 AEDECOD", "ae.csv AE 2 AESTDTC");
        assertThat(r.data().errors().get(0).message()).contains("coded term");
        assertThat(r.data().errors().get(1).message()).contains("partial date");
        assertThat(r.data().subjects().get(0).events()).hasSize(1);
    }
}
