/**
 * The vocabulary every SecureSocket bundle shares: {@link org.securesocket.common.TlsException} with
 * its {@link org.securesocket.common.Alert} and stable {@link org.securesocket.common.ErrorCode},
 * the injectable {@link org.securesocket.common.RandomSource} and the
 * {@link org.securesocket.common.TraceSink}. Time is injected as a plain {@link java.time.Clock}.
 */
@Export
@Version("1.0.0")
package org.securesocket.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
