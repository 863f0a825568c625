package io.protoguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The fact model stays plain Java: rules, intake and reports depend on it, never the other way round. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.protoguard");

    @Test
    void factModelUsesNoFramework() {
        noClasses().that().resideInAPackage("io.protoguard.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "org.apache.poi..",
                        "org.springframework..", "picocli..", "com.fasterxml..", "jakarta..")
                .check(classes);
    }

    @Test
    void factModelDependsOnNoOtherProtoguardPackage() {
        noClasses().that().resideInAPackage("io.protoguard.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.protoguard.engine..", "io.protoguard.protocol..",
                        "io.protoguard.intake..", "io.protoguard.report..", "io.protoguard.cli..", "io.protoguard.evaluation..")
                .check(classes);
    }

    @Test
    void rulesFunctionsDoNotReachIntoIntakeReportsOrCli() {
        noClasses().that().resideInAPackage("io.protoguard.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.protoguard.intake..", "io.protoguard.report..",
                        "io.protoguard.cli..", "org.apache.poi..")
                .check(classes);
    }
}
