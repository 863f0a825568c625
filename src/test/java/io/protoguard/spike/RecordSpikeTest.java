package io.protoguard.spike;
import io.protoguard.model.*;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.*;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;
import java.util.*;
import static org.assertj.core.api.Assertions.assertThat;
class RecordSpikeTest {
  @Test void records() {
    String drl = "package x; import io.protoguard.model.*; global java.util.List out;\n"
      + "rule r when $s: Subject(arm == \"MSC\", randomizedAt != null, $d: randomizedAt.date) then out.add($s.subjectId() + $d); end";
    var kb = new KieHelper().addContent(drl, ResourceType.DRL).build();
    var ss = kb.newStatelessKieSession();
    List<Object> out = new ArrayList<>();
    ss.setGlobal("out", out);
    ss.execute(List.of(new Subject("S1", null, "MSC", null, 30, 70.0, null, null, When.ofDate(java.time.LocalDate.of(2026,1,2)), null, null, null, null)));
    System.err.println("OUT " + out);
    assertThat(out).hasSize(1);
  }
}
