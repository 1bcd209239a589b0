/**
 * Single sign-on for government apps: the OpenID Connect provider (Spring Security's
 * authorization server), relying-app registration, claims with assurance levels
 * ({@code acr}/{@code amr}), step-up, and token-signing keys with rotation.
 * <p>
 * 单点登录：为政务应用提供 OpenID Connect 认证服务（Spring Security 授权服务器）、应用接入登记、
 * 带认证等级（acr/amr）的声明、按需提升认证等级，以及可轮换的令牌签名密钥。
 */
@ApplicationModule(displayName = "Single sign-on", allowedDependencies = { "shared", "identity", "login", "ca" })
@NullMarked
package org.govtrust.sso;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
