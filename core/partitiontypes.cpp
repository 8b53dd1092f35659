// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "partitiontypes.h"

#include <QLatin1StringView>

namespace AddCow::PartitionTypes
{

namespace
{

struct MbrType {
    quint8 type;
    const char *name;
};

// The types a disk image is likely to hold; sfdisk --list-types --label dos has them all.
constexpr MbrType MbrTypes[] = {
    {0x01, QT_TRANSLATE_NOOP("PartitionTypes", "FAT12")},
    {0x04, QT_TRANSLATE_NOOP("PartitionTypes", "FAT16 <32M")},
    {0x05, QT_TRANSLATE_NOOP("PartitionTypes", "Extended")},
    {0x06, QT_TRANSLATE_NOOP("PartitionTypes", "FAT16")},
    {0x07, QT_TRANSLATE_NOOP("PartitionTypes", "HPFS/NTFS/exFAT")},
    {0x0b, QT_TRANSLATE_NOOP("PartitionTypes", "W95 FAT32")},
    {0x0c, QT_TRANSLATE_NOOP("PartitionTypes", "W95 FAT32 (LBA)")},
    {0x0e, QT_TRANSLATE_NOOP("PartitionTypes", "W95 FAT16 (LBA)")},
    {0x0f, QT_TRANSLATE_NOOP("PartitionTypes", "W95 Ext'd (LBA)")},
    {0x11, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden FAT12")},
    {0x12, QT_TRANSLATE_NOOP("PartitionTypes", "Compaq diagnostics")},
    {0x14, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden FAT16 <32M")},
    {0x16, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden FAT16")},
    {0x17, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden HPFS/NTFS")},
    {0x1b, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden W95 FAT32")},
    {0x1c, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden W95 FAT32 (LBA)")},
    {0x1e, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden W95 FAT16 (LBA)")},
    {0x27, QT_TRANSLATE_NOOP("PartitionTypes", "Hidden NTFS WinRE")},
    {0x39, QT_TRANSLATE_NOOP("PartitionTypes", "Plan 9")},
    {0x41, QT_TRANSLATE_NOOP("PartitionTypes", "PPC PReP Boot")},
    {0x42, QT_TRANSLATE_NOOP("PartitionTypes", "SFS")},
    {0x63, QT_TRANSLATE_NOOP("PartitionTypes", "GNU HURD or SysV")},
    {0x80, QT_TRANSLATE_NOOP("PartitionTypes", "Old Minix")},
    {0x81, QT_TRANSLATE_NOOP("PartitionTypes", "Minix / old Linux")},
    {0x82, QT_TRANSLATE_NOOP("PartitionTypes", "Linux swap / Solaris")},
    {0x83, QT_TRANSLATE_NOOP("PartitionTypes", "Linux")},
    {0x84, QT_TRANSLATE_NOOP("PartitionTypes", "OS/2 hidden or Intel hibernation")},
    {0x85, QT_TRANSLATE_NOOP("PartitionTypes", "Linux extended")},
    {0x86, QT_TRANSLATE_NOOP("PartitionTypes", "NTFS volume set")},
    {0x87, QT_TRANSLATE_NOOP("PartitionTypes", "NTFS volume set")},
    {0x88, QT_TRANSLATE_NOOP("PartitionTypes", "Linux plaintext")},
    {0x8e, QT_TRANSLATE_NOOP("PartitionTypes", "Linux LVM")},
    {0x9f, QT_TRANSLATE_NOOP("PartitionTypes", "BSD/OS")},
    {0xa5, QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD")},
    {0xa6, QT_TRANSLATE_NOOP("PartitionTypes", "OpenBSD")},
    {0xa8, QT_TRANSLATE_NOOP("PartitionTypes", "Darwin UFS")},
    {0xa9, QT_TRANSLATE_NOOP("PartitionTypes", "NetBSD")},
    {0xab, QT_TRANSLATE_NOOP("PartitionTypes", "Darwin boot")},
    {0xaf, QT_TRANSLATE_NOOP("PartitionTypes", "HFS / HFS+")},
    {0xbe, QT_TRANSLATE_NOOP("PartitionTypes", "Solaris boot")},
    {0xbf, QT_TRANSLATE_NOOP("PartitionTypes", "Solaris")},
    {0xda, QT_TRANSLATE_NOOP("PartitionTypes", "Non-FS data")},
    {0xde, QT_TRANSLATE_NOOP("PartitionTypes", "Dell Utility")},
    {0xea, QT_TRANSLATE_NOOP("PartitionTypes", "Linux extended boot")},
    {0xeb, QT_TRANSLATE_NOOP("PartitionTypes", "BeOS fs")},
    {0xee, QT_TRANSLATE_NOOP("PartitionTypes", "GPT")},
    {0xef, QT_TRANSLATE_NOOP("PartitionTypes", "EFI (FAT-12/16/32)")},
    {0xf8, QT_TRANSLATE_NOOP("PartitionTypes", "EBBR protective")},
    {0xfb, QT_TRANSLATE_NOOP("PartitionTypes", "VMware VMFS")},
    {0xfc, QT_TRANSLATE_NOOP("PartitionTypes", "VMware VMKCORE")},
    {0xfd, QT_TRANSLATE_NOOP("PartitionTypes", "Linux raid autodetect")},
};

struct GptType {
    const char *guid;
    const char *name;
};

// sfdisk --list-types --label gpt, the types a VM's disk is likely to hold.
constexpr GptType GptTypes[] = {
    {"C12A7328-F81F-11D2-BA4B-00A0C93EC93B", QT_TRANSLATE_NOOP("PartitionTypes", "EFI System")},
    {"024DEE41-33E7-11D3-9D69-0008C781F39F", QT_TRANSLATE_NOOP("PartitionTypes", "MBR partition scheme")},
    {"21686148-6449-6E6F-744E-656564454649", QT_TRANSLATE_NOOP("PartitionTypes", "BIOS boot")},
    {"9E1A2D38-C612-4316-AA26-8B49521E5A8B", QT_TRANSLATE_NOOP("PartitionTypes", "PowerPC PReP boot")},
    {"E3C9E316-0B5C-4DB8-817D-F92DF00215AE", QT_TRANSLATE_NOOP("PartitionTypes", "Microsoft reserved")},
    {"EBD0A0A2-B9E5-4433-87C0-68B6B72699C7", QT_TRANSLATE_NOOP("PartitionTypes", "Microsoft basic data")},
    {"5808C8AA-7E8F-42E0-85D2-E1E90434CFB3", QT_TRANSLATE_NOOP("PartitionTypes", "Microsoft LDM metadata")},
    {"AF9B60A0-1431-4F62-BC68-3311714A69AD", QT_TRANSLATE_NOOP("PartitionTypes", "Microsoft LDM data")},
    {"DE94BBA4-06D1-4D40-A16A-BFD50179D6AC", QT_TRANSLATE_NOOP("PartitionTypes", "Windows recovery environment")},
    {"E75CAF8F-F680-4CEE-AFA3-B001E56EFC2D", QT_TRANSLATE_NOOP("PartitionTypes", "Microsoft Storage Spaces")},
    {"0657FD6D-A4AB-43C4-84E5-0933C84B4F4F", QT_TRANSLATE_NOOP("PartitionTypes", "Linux swap")},
    {"0FC63DAF-8483-4772-8E79-3D69D8477DE4", QT_TRANSLATE_NOOP("PartitionTypes", "Linux filesystem")},
    {"3B8F8425-20E0-4F3B-907F-1A25A76F98E8", QT_TRANSLATE_NOOP("PartitionTypes", "Linux server data")},
    {"44479540-F297-41B2-9AF7-D131D5F0458A", QT_TRANSLATE_NOOP("PartitionTypes", "Linux root (x86)")},
    {"4F68BCE3-E8CD-4DB1-96E7-FBCAF984B709", QT_TRANSLATE_NOOP("PartitionTypes", "Linux root (x86-64)")},
    {"69DAD710-2CE4-4E3C-B16C-21A1D49ABED3", QT_TRANSLATE_NOOP("PartitionTypes", "Linux root (ARM)")},
    {"B921B045-1DF0-41C3-AF44-4C6F280D3FAE", QT_TRANSLATE_NOOP("PartitionTypes", "Linux root (ARM-64)")},
    {"72EC70A6-CF74-40E6-BD49-4BDA08E8F224", QT_TRANSLATE_NOOP("PartitionTypes", "Linux root (RISC-V-64)")},
    {"8DA63339-0007-60C0-C436-083AC8230908", QT_TRANSLATE_NOOP("PartitionTypes", "Linux reserved")},
    {"933AC7E1-2EB4-4F13-B844-0E14E2AEF915", QT_TRANSLATE_NOOP("PartitionTypes", "Linux home")},
    {"A19D880F-05FC-4D3B-A006-743F0F84911E", QT_TRANSLATE_NOOP("PartitionTypes", "Linux RAID")},
    {"E6D6D379-F507-44C2-A23C-238F2A3DF928", QT_TRANSLATE_NOOP("PartitionTypes", "Linux LVM")},
    {"4D21B016-B534-45C2-A9FB-5C16E091FD2D", QT_TRANSLATE_NOOP("PartitionTypes", "Linux variable data")},
    {"7EC6F557-3BC5-4ACA-B293-16EF5DF639D1", QT_TRANSLATE_NOOP("PartitionTypes", "Linux temporary data")},
    {"8484680C-9521-48C6-9C11-B0720656F69E", QT_TRANSLATE_NOOP("PartitionTypes", "Linux /usr (x86-64)")},
    {"BC13C2FF-59E6-4262-A352-B275FD6F7172", QT_TRANSLATE_NOOP("PartitionTypes", "Linux extended boot")},
    {"48465300-0000-11AA-AA11-00306543ECAC", QT_TRANSLATE_NOOP("PartitionTypes", "Apple HFS/HFS+")},
    {"7C3457EF-0000-11AA-AA11-00306543ECAC", QT_TRANSLATE_NOOP("PartitionTypes", "Apple APFS")},
    {"83BD6B9D-7F41-11DC-BE0B-001560B84F0F", QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD boot")},
    {"516E7CB4-6ECF-11D6-8FF8-00022D09712B", QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD data")},
    {"516E7CB5-6ECF-11D6-8FF8-00022D09712B", QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD swap")},
    {"516E7CB6-6ECF-11D6-8FF8-00022D09712B", QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD UFS")},
    {"516E7CBA-6ECF-11D6-8FF8-00022D09712B", QT_TRANSLATE_NOOP("PartitionTypes", "FreeBSD ZFS")},
    {"6A898CC3-1DD2-11B2-99A6-080020736631", QT_TRANSLATE_NOOP("PartitionTypes", "Solaris /usr & Apple ZFS")},
    {"AA31E02A-400F-11DB-9590-000C2911D1B8", QT_TRANSLATE_NOOP("PartitionTypes", "VMware VMFS")},
};

} // namespace

const char *mbrTypeName(quint8 type)
{
    for (const MbrType &known : MbrTypes) {
        if (known.type == type)
            return known.name;
    }
    return nullptr;
}

const char *gptTypeName(const QString &typeGuid)
{
    for (const GptType &known : GptTypes) {
        if (typeGuid.compare(QLatin1StringView(known.guid), Qt::CaseInsensitive) == 0)
            return known.name;
    }
    return nullptr;
}

bool isExtendedType(quint8 type)
{
    return type == 0x05 || type == 0x0f || type == 0x85;
}

} // namespace AddCow::PartitionTypes
