/**
 * The CA for legal persons: a root and an issuing CA (PKCS#12 file or PKCS#11 token; EC P-256,
 * RSA-2048 or SM2), enterprise enrolment by RA officers or online by the legal
 * representative, the certificate lifecycle (issue from a CSR made on the key, renew,
 * change, revoke, suspend and resume, online PIN unlock codes) with its history, CRLs (full
 * and delta) re-signed on every revocation and on schedule, an OCSP responder, and the
 * certificate login's server side (challenge, signature, chain, validity, revocation).
 * <p>
 * 法人 CA：根 CA 与签发 CA（PKCS#12 文件或 PKCS#11 硬件；EC P-256、RSA-2048 或 SM2），RA 受理或法定代表人
 * 在线登记单位，证书全生命周期（Key 上生成请求后签发、更新、变更、吊销、冻结与解冻、在线解锁码）及其历史，
 * 每次吊销即时重签并定时重签的 CRL（完整与增量）、OCSP 响应器，以及证书登录的服务端校验。
 */
@ApplicationModule(displayName = "CA", allowedDependencies = { "shared", "identity" })
@NullMarked
package org.govtrust.ca;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
