// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "addcowcore_export.h"
#include "findingargument.h"
#include "findingcode.h"
#include "headerfield.h"

#include <QString>

#include <optional>
#include <utility>

namespace AddCow
{

/** What went wrong, in a form the GUI can translate and the CLI can print. */
enum class ErrorCode {
    NotAddCow,          ///< R2: the magic is not "ADD_COW\xff"
    LaterAddCowLayout,  ///< R2: the file starts with "ACOW" (the 2013 V18-V20 layout)
    UnsupportedVersion, ///< R3
    CorruptHeader,      ///< a header field breaks a rule (rule and field are set)
    UnsupportedFeature, ///< R7: unknown feature bits
    UnsupportedFormat,  ///< R9: a backing or image format we cannot read
    CorruptBitmap,      ///< R12: bitmap bits are missing
    IdenticalFiles,     ///< R17
    FileMissing,        ///< a file named by the header or the user does not exist
    Io,                 ///< a system call failed (errnoValue is set)
    OutOfRange,         ///< R15: a read or write past the end of the virtual disk
    AlreadyExists,      ///< R20: would overwrite a file the user owns
    ImageTooSmall,      ///< R20: the image file is smaller than the backing file
    Busy,               ///< another process holds a write lock on a file
    Cancelled,          ///< the user cancelled a job
    InvalidArgument,    ///< a caller passed something that makes no sense
    QemuError,          ///< R9: QEMU's block layer cannot read a backing file (its own message is the detail)
    ServerFailed,       ///< nbdkit could not start or stopped serving (the detail has its words)
    ReadOnly,           ///< a write through an image opened read-only
};

struct Finding;

/**
 * An error with enough detail to name the file, the field and the rule. An error that breaks a
 * rule carries the finding's code and arguments (finding), so the app renders it translated;
 * others (a failed system call) carry an English detail only.
 */
struct ADDCOWCORE_EXPORT Error {
    ErrorCode code = ErrorCode::InvalidArgument;
    QString path;                      ///< the file concerned, if any
    std::optional<HeaderField> field;  ///< the header field or file concerned, if any
    int rule = 0;                      ///< FORMAT-DECISIONS rule number, 0 when none applies
    int errnoValue = 0;                ///< errno for ErrorCode::Io
    QString detail;                    ///< English detail, e.g. "unsupported add-cow version 2"
    std::optional<FindingCode> finding; ///< what exactly broke the rule, when a check found it
    FindingArguments arguments;        ///< finding's arguments

    /** One English line: "PATH: FIELD: DETAIL (R5)" with the parts that are set. */
    QString message() const;
    /** An error that no rule describes: its kind, the file and an English detail. */
    static Error make(ErrorCode code, const QString &path, const QString &detail);
    /** Builds an Io error from the current errno. */
    static Error fromErrno(const QString &path, const QString &what);
    /**
     * The error a refusal by finding means: its code's error kind (findingCodeError), field,
     * rule, code and arguments, the English sentence as detail.
     */
    static Error fromFinding(const QString &path, const Finding &finding);
    /**
     * An error described by a code outside any header check (QEMU's refusal, a missing program,
     * a server that stopped): its code's error kind and rule, the code and arguments, the
     * English sentence as detail.
     */
    static Error fromCode(const QString &path, FindingCode code, const FindingArguments &arguments, std::optional<HeaderField> field = {});
};

/** Either a value or an Error. No exceptions in this code base. */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace AddCow
