/**
 * The {@code securesocket} command line: a {@link org.securesocket.shell.Command} is one subcommand,
 * and a {@link org.securesocket.shell.CommandTable} dispatches the arguments to it, reporting usage
 * errors and failures the same way for every command.
 */
@Export
@Version("1.0.0")
package org.securesocket.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
