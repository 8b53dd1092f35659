// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>

/**
 * The addcow subcommands. Each takes its arguments without "addcow" and its own name, prints
 * its result on stdout and errors on stderr, and returns the process exit code.
 */
namespace AddCow::Commands
{

int info(const QStringList &arguments);
int check(const QStringList &arguments);
int map(const QStringList &arguments);
int read(const QStringList &arguments);
int write(const QStringList &arguments);
int create(const QStringList &arguments);
int commit(const QStringList &arguments);
int verify(const QStringList &arguments);
int compare(const QStringList &arguments);
int rebase(const QStringList &arguments);
int serve(const QStringList &arguments);

} // namespace AddCow::Commands
