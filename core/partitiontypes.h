// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"

#include <QString>

/**
 * Names of well-known partition types, in English as util-linux's sfdisk spells them. They are
 * marked with QT_TRANSLATE_NOOP in the context "PartitionTypes", so the GUI can translate them
 * with QCoreApplication::translate("PartitionTypes", name).
 */
namespace AddCow::PartitionTypes
{

/** The name of an MBR type byte ("Linux" for 0x83); nullptr when unknown. */
ADDCOWCORE_EXPORT const char *mbrTypeName(quint8 type);
/** The name of a GPT type GUID in upper case ("Linux filesystem"); nullptr when unknown. */
ADDCOWCORE_EXPORT const char *gptTypeName(const QString &typeGuid);

/** MBR types that hold logical partitions: 0x05, 0x0f, 0x85. */
ADDCOWCORE_EXPORT bool isExtendedType(quint8 type);
/** The MBR type of a protective MBR's one partition: 0xee. */
inline constexpr quint8 ProtectiveType = 0xee;

} // namespace AddCow::PartitionTypes
