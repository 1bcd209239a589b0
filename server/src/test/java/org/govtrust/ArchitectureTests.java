package org.govtrust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.govtrust.shared.Simulator;
import org.govtrust.shared.SimulatorRegistrar;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/**
 * House rules the module check does not cover.
 */
class ArchitectureTests {

	// without the classes the build's ahead-of-time processing generates (Foo__BeanDefinitions)
	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("__"))
		.importPackages("org.govtrust");

	/** Conditions that follow configuration: the ahead-of-time processed jar fixes them when built. */
	private static final String[] CONFIGURATION_CONDITIONS = {
			"org.springframework.boot.autoconfigure.condition.ConditionalOnProperty",
			"org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty",
			"org.springframework.boot.autoconfigure.condition.ConditionalOnExpression",
			"org.springframework.context.annotation.Profile" };

	@Test
	void domainDoesNotDependOnWebOrAdapters() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "..web..", "..adapter..");
		rule.check(classes);
	}

	@Test
	void securityCodeUsesOnlySecureRandom() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.util.Random")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
			.check(classes);
	}

	@Test
	void noStandardStreams() {
		NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should()
			.beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired")
			.check(classes);
	}

	@Test
	void controllersLiveInWebPackages() {
		noClasses().that()
			.areAnnotatedWith("org.springframework.stereotype.Controller")
			.or()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.should()
			.resideOutsideOfPackage("..web..")
			.check(classes);
	}

	@Test
	void bouncyCastleOnlyInCryptoPackagesAndPasswordHashing() {
		noClasses().that()
			.resideOutsideOfPackages("..crypto..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.bouncycastle..")
			.check(classes);
	}

	@Test
	void settingsAreReadAtEachStartNotWhenTheJarIsBuilt() {
		for (String condition : CONFIGURATION_CONDITIONS) {
			noClasses().should().beMetaAnnotatedWith(condition).because("bin/govtrust starts the jar with its bean "
					+ "definitions processed ahead of time, which fixes such conditions when the jar is built: "
					+ "use a BeanRegistrar (see SimulatorRegistrar)")
				.check(classes);
			noMethods().should().beMetaAnnotatedWith(condition).check(classes);
		}
	}

	@Test
	void everySimulatorIsRegisteredByItsModule() {
		Set<Class<?>> marked = classes.stream()
			.filter((type) -> type.isAnnotatedWith(Simulator.class))
			.map(JavaClass::reflect)
			.collect(Collectors.toSet());
		Set<Class<?>> imported = classes.stream()
			.map((type) -> type.reflect().getAnnotation(Import.class))
			.filter(Objects::nonNull)
			.flatMap((annotation) -> Arrays.stream(annotation.value()))
			.collect(Collectors.toSet());
		List<Class<?>> registrars = classes.stream()
			.filter((type) -> type.isAssignableTo(SimulatorRegistrar.class) && !type.getModifiers().contains(JavaModifier.ABSTRACT))
			.<Class<?>>map(JavaClass::reflect)
			.toList();
		assertThat(imported).containsAll(registrars);
		List<Class<?>> registered = registrars.stream()
			.flatMap((type) -> newInstance(type).simulators().stream())
			.toList();
		assertThat(marked).isNotEmpty();
		assertThat(registered).containsExactlyInAnyOrderElementsOf(marked);
	}

	/**
	 * The build removes what Spring's ahead-of-time processing generated ({@code Foo__BeanDefinitions},
	 * {@code Foo$$SpringCGLIB$$0}) from {@code target/classes} before the tests (server/pom.xml), and
	 * the classes above skip {@code __}: a class of GovTrust's own named so (a Flyway Java migration
	 * named by Flyway's convention, {@code V1__Backfill}, say) would be dropped from the jar.
	 */
	@Test
	void noOwnClassIsNamedLikeGeneratedCode() throws IOException {
		Path sources = Stream.of(Path.of("src/main/java"), Path.of("server/src/main/java"))
			.filter(Files::isDirectory)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No src/main/java here or in server/"));
		Pattern generatedName = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w*(__|SpringCGLIB)");
		try (Stream<Path> files = Files.walk(sources)) {
			List<Path> named = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> isNamedLikeGeneratedCode(file, generatedName))
				.toList();
			assertThat(named).isEmpty();
		}
	}

	private static boolean isNamedLikeGeneratedCode(Path file, Pattern generatedName) {
		String name = file.getFileName().toString();
		try {
			return name.contains("__") || name.contains("SpringCGLIB")
					|| generatedName.matcher(Files.readString(file)).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SimulatorRegistrar newInstance(Class<?> type) {
		try {
			return (SimulatorRegistrar) type.getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
