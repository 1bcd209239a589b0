package org.govtrust.ca.config;

import java.time.Clock;

import org.govtrust.ca.crypto.CaHierarchy;
import org.govtrust.ca.crypto.LegalPersonProfile;
import org.govtrust.ca.crypto.OcspResponder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The CA hierarchy (opened, or created on first start), the legal-person profile and the
 * OCSP responder.
 */
@Configuration(proxyBeanMethods = false)
@Import(CaSimulators.class)
@EnableConfigurationProperties(CaProperties.class)
class CaConfiguration {

	/** Opens on a thread of its own while the rest of the application starts. */
	@Bean
	CaHierarchy caHierarchy(CaProperties properties, Clock clock) {
		return CaHierarchy.open(properties, clock);
	}

	/** The start fails, saying why, when the CA key store cannot be opened. */
	@Bean
	SmartInitializingSingleton caHierarchyOpened(CaHierarchy hierarchy) {
		return hierarchy::awaitOpen;
	}

	@Bean
	LegalPersonProfile legalPersonProfile(CaHierarchy hierarchy, CaProperties properties) {
		return new LegalPersonProfile(hierarchy::issuing, LegalPersonProfile.Endpoints.under(properties.baseUrl()),
				properties.policyOid());
	}

	/**
	 * OCSP over GET (RFC 6960 A.1) carries the request's base64 in the path, with its slashes
	 * sent as {@code %2F}, which Tomcat refuses by default. It passes them through still encoded
	 * (so no path changes its meaning); the firewall lets them through on the OCSP path only.
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashesPassThrough() {
		return (connector) -> connector.setEncodedSolidusHandling("passthrough");
	}

	/** OCSP answers say they hold for an hour (nextUpdate); each is made fresh from the register. */
	@Bean
	OcspResponder ocspResponder(CaHierarchy hierarchy) {
		return new OcspResponder(hierarchy::issuing, java.time.Duration.ofHours(1));
	}

}
