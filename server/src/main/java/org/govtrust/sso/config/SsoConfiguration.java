package org.govtrust.sso.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.govtrust.ca.CertificateLogin;
import org.govtrust.ca.LegalPersonClaims;
import org.govtrust.identity.AccountService;
import org.govtrust.identity.PersonClaims;
import org.govtrust.identity.RealNameLevel;
import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.security.SignedIn;
import org.govtrust.sso.AssuranceLevel;
import org.govtrust.sso.BackChannelLogout;
import org.govtrust.sso.ClientService;
import org.govtrust.sso.Levels;
import org.govtrust.sso.persistence.SigningKeys;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Claims and the filter that enforces what an app asks of the sign-in (level, a recent sign-in, no pages).
 * <ul>
 * <li>{@code sub}: the account id, or for apps registered pairwise a keyed hash of app
 * and account, so apps cannot correlate people;</li>
 * <li>{@code acr} (the level), {@code amr} ({@code pwd}/{@code sms}); {@code auth_time} comes
 * from the sign-in factor's time;</li>
 * <li>{@code profile}: the masked name; {@code realname}: the full name and the ID number,
 * masked unless the app is registered for the full number (consent per app where
 * registered); {@code phone}: the masked phone. These personal claims go into the ID token
 * (and so userinfo), which only the app receives, never into the access token: that one is
 * a bearer credential the app hands to other departments' APIs, and those may introspect it;</li>
 * <li>the signing key's id in the header, so key rotation never confuses a verifier.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Import(SsoSimulators.class)
class SsoConfiguration {

	@Bean
	SignInRequirementsFilter signInRequirementsFilter(ClientService clients, AccountService accounts, Clock clock) {
		return new SignInRequirementsFilter(clients, accounts, clock);
	}

	/** The sign-in requirements filter runs only inside the authorization-server chain, not for every request. */
	@Bean
	FilterRegistrationBean<SignInRequirementsFilter> signInRequirementsFilterRegistration(
			SignInRequirementsFilter filter) {
		FilterRegistrationBean<SignInRequirementsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(SigningKeys keys, AccountService accounts,
			PersonalDataCipher cipher, CertificateLogin certificates) {
		return (context) -> {
			context.getJwsHeader().keyId(keys.current().active().getKeyID());
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) && context.getAuthorization() != null
					&& context.getAuthorization().getAttribute(BackChannelLogout.SID_ATTRIBUTE) instanceof String sid) {
				context.getClaims().claim("sid", sid); // the session the code was granted in
			}
			Authentication principal = context.getPrincipal();
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
					&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
				authenticationTime(principal).ifPresent((at) -> context.getClaims().claim("auth_time", at));
			}
			if (principal.getPrincipal() instanceof SignedIn who && who.kind() == SignedIn.Kind.ENTERPRISE) {
				enterpriseClaims(context, who, cipher, certificates);
				return;
			}
			if (!(principal.getPrincipal() instanceof SignedIn who) || who.kind() != SignedIn.Kind.CITIZEN) {
				return;
			}
			RegisteredClient client = context.getRegisteredClient();
			boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
			// the access token needs the real-name level only: the person's claims (the ID number
			// decrypted) are read for the ID token alone
			PersonClaims person = idToken ? accounts.claims(who.id()) : null;
			RealNameLevel realName = (person != null) ? person.realNameLevel()
					: accounts.account(who.id()).realNameLevel();
			boolean pairwise = Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientService.PAIRWISE));
			context.getClaims()
				.subject(pairwise ? cipher.lookupHash("pairwise", client.getClientId() + ":" + who.id())
						: who.id().toString());
			AssuranceLevel level = Levels.of(who, realName);
			context.getClaims().claim("acr", level.uri());
			// a plain ArrayList: the claims are stored as JSON with allow-listed collection types
			context.getClaims().claim("amr", new ArrayList<>(List.of(Levels.amr(who.method()))));
			if (person == null) {
				return; // personal data only in the ID token: see the class
			}
			if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
				context.getClaims().claim("name", person.maskedName());
			}
			if (context.getAuthorizedScopes().contains(OidcScopes.PHONE)) {
				context.getClaims().claim("phone_number", person.maskedPhone());
			}
			if (context.getAuthorizedScopes().contains("realname")) {
				boolean full = Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientService.FULL_ID_NUMBER));
				context.getClaims().claim("name", person.name());
				context.getClaims().claim("id_number", full ? person.idNumber() : person.maskedIdNumber());
				context.getClaims().claim("real_name_level", person.realNameLevel().name());
			}
		};
	}

	/**
	 * When the person proved the latest of their factors, as the authorization server itself
	 * reads it: the code exchange does not look up the session that would make it do so
	 * ({@link NoSessionListing}). A {@code Date}, as the server stores it: a refresh copies it
	 * from the earlier ID token as one.
	 */
	private static Optional<Date> authenticationTime(Authentication principal) {
		return principal.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map((authority) -> ((FactorGrantedAuthority) authority).getIssuedAt())
			.max(Comparator.naturalOrder())
			.map(Date::from);
	}

	/**
	 * A legal person signed in with its certificate: {@code sub} (public or pairwise, as for
	 * people), {@code acr} from the key (LOA4 USB key, LOA3 soft token), {@code amr}
	 * {@code hwk}/{@code swk} + {@code pin}, and the enterprise: name, credit code, the
	 * certificate's holder and serial. The access token names the enterprise and the
	 * certificate (the APIs it is presented to act for the enterprise) but not the holder, a person.
	 * Each token (a code exchange or a refresh) is issued only while that certificate is in force.
	 */
	private static void enterpriseClaims(JwtEncodingContext context, SignedIn who, PersonalDataCipher cipher,
			CertificateLogin certificates) {
		RegisteredClient client = context.getRegisteredClient();
		boolean pairwise = Boolean.TRUE.equals(client.getClientSettings().getSetting(ClientService.PAIRWISE));
		context.getClaims()
			.subject(pairwise ? cipher.lookupHash("pairwise", client.getClientId() + ":" + who.id()) : who.id().toString());
		AssuranceLevel level = Levels.of(who, null);
		context.getClaims().claim("acr", level.uri());
		context.getClaims().claim("amr", new ArrayList<>(List.of(Levels.amr(who.method()), "pin")));
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
				&& !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			return;
		}
		LegalPersonClaims enterprise;
		try {
			enterprise = certificates.claims(who.id(), who.credential());
		}
		catch (TrustException ex) {
			// revoked, suspended, superseded or expired since the sign-in: no more tokens on it
			throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
					"The certificate the enterprise signed in with is no longer in force ("
							+ ex.getErrorCode().code() + "); sign the enterprise in again",
					null));
		}
		context.getClaims().claim("subject_type", "legal_person");
		context.getClaims().claim("enterprise_name", enterprise.enterpriseName());
		context.getClaims().claim("credit_code", enterprise.creditCode());
		context.getClaims().claim("certificate_serial", who.credential());
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			context.getClaims().claim("holder_name", enterprise.holderName());
		}
		if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
			context.getClaims().claim("name", enterprise.enterpriseName());
		}
	}

}
