package org.govtrust.ca;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.govtrust.shared.security.SignedIn;
import org.govtrust.support.GovTrustTest;
import org.govtrust.support.MutableClock;
import org.govtrust.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/**
 * The RA and enterprise pages render what the services hold, and their forms act: enrolment
 * errors are shown with their codes, issuance shows the PEM to install, revocation from the
 * page lands in the certificate's state, and an enterprise sees only its own page.
 */
@GovTrustTest
class CaPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	EnterpriseService enterprises;

	@Autowired
	CertificateService certificates;

	@BeforeEach
	void reset() {
		TestDatabase.reset(this.jdbc);
		this.clock.reset();
	}

	@Test
	void officerEnrolsIssuesAndRevokesThroughThePages() throws Exception {
		RequestPostProcessor officer = signedIn(SignedIn.Kind.STAFF, UUID.randomUUID(), "RA_OFFICER");
		this.mvc.perform(post("/staff/ra/enterprises").with(officer).with(csrf())
			.param("name", "北京示范科技有限公司")
			.param("creditCode", "91110105MA1GT001XK")
			.param("legalRepName", "王小明")
			.param("legalRepIdNumber", "110101199003071233"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CA-1004")));
		String location = this.mvc.perform(post("/staff/ra/enterprises").with(officer).with(csrf())
			.param("name", "北京示范科技有限公司")
			.param("creditCode", "91110105MA1GT001XJ")
			.param("legalRepName", "王小明")
			.param("legalRepIdNumber", "110101199003071233"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		String csr = CertificateAuthorityTests.csr(CertificateAuthorityTests.ecKey(),
				"SHA256withECDSA");
		this.mvc.perform(post("/staff/ra/enterprises/" + id + "/certificates").with(officer).with(csrf())
			.param("csr", csr)
			.param("hardwareKey", "true"))
			.andExpect(redirectedUrl("/staff/ra/enterprises/" + id))
			.andExpect(flash().attributeExists("issuedSerial", "issuedPem"));
		String serial = this.certificates.certificates(id).get(0).serial();
		this.mvc.perform(get("/staff/ra/enterprises/" + id).with(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(serial)))
			.andExpect(content().string(containsString("91110105MA1GT001XJ")));
		this.mvc.perform(post("/staff/ra/certificates/" + serial + "/revoke").with(officer).with(csrf())
			.param("reason", "KEY_COMPROMISE"))
			.andExpect(redirectedUrl("/staff/ra/enterprises/" + id));
		assertThat(this.certificates.get(serial).status()).isEqualTo(CertificateStatus.REVOKED);
		this.mvc.perform(get("/staff/ra/enterprises/" + id).param("lang", "en").with(officer))
			.andExpect(content().string(containsString("key compromise")))
			.andExpect(content().string(containsString("Revoked")));
	}

	@Test
	void anEnterpriseSeesItsOwnCertificatesAndNoOtherEnterprise() throws Exception {
		EnterpriseView enterprise = this.enterprises.enrol(new EnrolEnterpriseCommand("北京示范科技有限公司",
				"91110105MA1GT001XJ", "王小明", "110101199003071233", null, null), "staff:test");
		IssuedCertificate issued = this.certificates.issue(enterprise.id(), CertificateAuthorityTests
			.csr(CertificateAuthorityTests.ecKey(), "SHA256withECDSA"), false, null, "staff:test");
		RequestPostProcessor self = signedIn(SignedIn.Kind.ENTERPRISE, enterprise.id(), "");
		this.mvc.perform(get("/enterprise").with(self)).andExpect(redirectedUrl("/enterprise/" + enterprise.id()));
		this.mvc.perform(get("/enterprise/" + enterprise.id()).with(self))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(issued.certificate().serial())))
			.andExpect(content().string(containsString("证书有效，可用于登录")));
		this.mvc.perform(get("/enterprise/" + UUID.randomUUID()).with(self)).andExpect(status().isForbidden());
		this.mvc.perform(get("/enterprise/assistant"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("key-assistant.jar serve --server http://localhost:8080")));
	}

	static RequestPostProcessor signedIn(SignedIn.Kind kind, UUID id, String roles) {
		SignedIn who = new SignedIn(id, kind, "测试", roles, "CERTIFICATE", Instant.now(), "");
		List<SimpleGrantedAuthority> authorities = kind == SignedIn.Kind.STAFF
				? List.of(new SimpleGrantedAuthority("ROLE_" + roles))
				: List.of(new SimpleGrantedAuthority("ROLE_" + kind.name()));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(who, null, authorities));
	}

}
