package org.govtrust;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govtrust.identity.IdentityError;
import org.govtrust.login.LoginError;
import org.govtrust.sso.SsoError;
import org.govtrust.ca.CaError;
import org.govtrust.shared.error.ErrorCode;
import org.govtrust.shared.error.SharedError;
import org.govtrust.sms.SmsError;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One catalogue, two languages: every code is unique, well formed, has a Chinese and an
 * English message with the same placeholders, and no message key is orphaned.
 */
class ErrorCatalogueTests {

	static final List<String> BUNDLES = List.of("shared", "sms", "identity", "login", "sso", "ca");

	static final Pattern CODE = Pattern.compile("(SHR|SMS|IDN|CA|LGN|SSO|SIG|LIC|BIZ|ARC|AUD|PTL)-[12359]\\d{3}");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	@Test
	void everyErrorEnumIsKnownToThisTest() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(ErrorCode.class));
		Set<String> found = new HashSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("org.govtrust")) {
			Class<?> type = Class.forName(definition.getBeanClassName());
			if (type.isEnum()) {
				found.add(type.getName());
			}
		}
		assertThat(found).containsExactlyInAnyOrder(SharedError.class.getName(), SmsError.class.getName(),
				IdentityError.class.getName(), LoginError.class.getName(), SsoError.class.getName(),
				CaError.class.getName());
	}

	@Test
	void codesAreUniqueAndWellFormed() {
		Set<String> seen = new HashSet<>();
		for (ErrorCode code : allCodes()) {
			assertThat(code.code()).matches(CODE);
			assertThat(seen.add(code.code())).as("duplicate %s", code.code()).isTrue();
		}
	}

	@Test
	void everyCodeHasChineseAndEnglishWithTheSamePlaceholders() throws IOException {
		Properties zh = load("");
		Properties en = load("_en");
		for (ErrorCode code : allCodes()) {
			String chinese = zh.getProperty(code.messageKey());
			String english = en.getProperty(code.messageKey());
			assertThat(chinese).as("zh %s", code.code()).isNotBlank();
			assertThat(english).as("en %s", code.code()).isNotBlank();
			assertThat(chinese).as("zh %s is Chinese", code.code()).containsPattern("\\p{IsHan}");
			assertThat(placeholders(chinese)).as("placeholders %s", code.code()).isEqualTo(placeholders(english));
			// MessageFormat must parse both (an ASCII apostrophe would silently eat placeholders)
			assertThat(english).as("en %s has no ASCII apostrophe", code.code()).doesNotContain("'");
			new MessageFormat(chinese);
			new MessageFormat(english);
		}
	}

	@Test
	void noOrphanedMessageKeys() throws IOException {
		Set<String> keys = new HashSet<>();
		allCodes().forEach((code) -> keys.add(code.messageKey()));
		for (Properties bundle : List.of(load(""), load("_en"))) {
			for (String key : bundle.stringPropertyNames()) {
				assertThat(keys).as("orphaned key %s", key).contains(key);
			}
		}
	}

	@Test
	void pageTextExistsInBothLanguages() throws IOException {
		Properties zh = read("i18n/messages.properties");
		Properties en = read("i18n/messages_en.properties");
		assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
		for (String key : zh.stringPropertyNames()) {
			assertThat(placeholders(en.getProperty(key))).as(key).isEqualTo(placeholders(zh.getProperty(key)));
		}
	}

	static List<ErrorCode> allCodes() {
		List<ErrorCode> codes = new ArrayList<>();
		codes.addAll(List.of(SharedError.values()));
		codes.addAll(List.of(SmsError.values()));
		codes.addAll(List.of(IdentityError.values()));
		codes.addAll(List.of(LoginError.values()));
		codes.addAll(List.of(SsoError.values()));
		codes.addAll(List.of(CaError.values()));
		return codes;
	}

	static Set<String> placeholders(String message) {
		Set<String> found = new HashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(message);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	static Properties load(String suffix) throws IOException {
		Properties all = new Properties();
		for (String bundle : BUNDLES) {
			all.putAll(read("i18n/" + bundle + suffix + ".properties"));
		}
		return all;
	}

	static Properties read(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStreamReader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
