package org.govtrust;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

/**
 * House rules the module check does not cover.
 */
class ArchitectureTests {

	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.govtrust");

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

}
