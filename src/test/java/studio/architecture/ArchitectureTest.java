package studio.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code, checked on the compiled classes: no package depends on itself through others, and the
 * governance core (with the pure packages beneath it) stays free of framework types, so its rules can be read and
 * tested as plain Java.
 */
@AnalyzeClasses(packages = "studio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Framework and library packages a pure package must not touch. */
    static final String[] FRAMEWORKS = {"jakarta..", "javax.persistence..", "io.quarkus..", "org.hibernate..", "io.vertx..",
            "org.eclipse.microprofile..", "io.smallrye..", "io.micrometer..", "io.opentelemetry..", "org.jboss..", "com.fasterxml.jackson.."};

    /** Every package (sub-packages included, each on its own) is a slice; no slice reaches itself again. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("studio.(**)").namingSlices("$1").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule governanceImportsNoFramework = noClasses().that().resideInAPackage("studio.governance..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the governance core is plain Java: evidence in, decision out");

    @ArchTest
    static final ArchRule governanceStandsOnGateInputAndFormatOnly = classes().that().resideInAPackage("studio.governance..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("studio.governance..", "studio.gate..", "studio.input..",
                    "studio.format..", "java..")
            .because("features depend on the governance core, never the other way round");

    @ArchTest
    static final ArchRule pureFoundationsImportNoFramework = noClasses().that()
            .resideInAnyPackage("studio.gate..", "studio.format..", "studio.release.version..", "studio.release.lifecycle..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);
}
