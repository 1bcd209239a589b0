/**
 * Signing in: password and SMS-code login for citizens by ID number, phone number or login
 * name; password + SMS second factor for staff; lockouts with growing delays that never
 * block another factor; login history and sessions.
 * <p>
 * 登录：公民以身份证号、手机号或登录名使用密码或短信验证码登录；工作人员密码 + 短信双因素登录；
 * 逐次加长的锁定延时且不影响其他登录方式；登录记录与会话管理。
 */
@ApplicationModule(displayName = "Login", allowedDependencies = { "shared", "identity", "sms", "ca" })
@NullMarked
package org.govtrust.login;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
