// SPDX-FileCopyrightText: 2026 AddCow Studio authors
// SPDX-License-Identifier: GPL-2.0-or-later
#include "createwizardbackingpage.h"

#include "problemlabel.h"

#include "createrefusals.h"
#include "fileidentity.h"
#include "fileio.h"
#include "formatprobe.h"
#include "qemuimg.h"
#include "ruletext.h"
#include "sizeparser.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace AddCow
{

CreateWizardBackingPage::CreateWizardBackingPage(QWidget *parent)
    : QWizardPage(parent)
    , m_useBacking(new QCheckBox(tr("&Use a backing file"), this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_info(new QLabel(this))
    , m_message(new ProblemLabel(this))
{
    setTitle(tr("Backing File"));
    setSubTitle(tr("The read-only file whose data the new image starts from. Clusters not yet written are read from it. "
                   "Without a backing file every cluster comes from the image file."));
    m_useBacking->setObjectName(u"useBackingCheck"_s);
    m_useBacking->setChecked(true);
    m_path->setObjectName(u"backingPathEdit"_s);
    m_path->setPlaceholderText(tr("Path of the backing file"));
    m_path->setClearButtonEnabled(true);
    m_browse->setObjectName(u"backingBrowseButton"_s);
    m_info->setObjectName(u"backingInfoLabel"_s);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);
    m_message->setObjectName(u"backingMessageLabel"_s);

    auto *pathLabel = new QLabel(tr("Backing &file:"), this);
    pathLabel->setBuddy(m_path);
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_useBacking, 0, 0, 1, 3);
    layout->addWidget(pathLabel, 1, 0);
    layout->addWidget(m_path, 1, 1);
    layout->addWidget(m_browse, 1, 2);
    layout->addWidget(m_info, 2, 1, 1, 2);
    layout->addWidget(m_message, 3, 1, 1, 2);
    layout->setRowStretch(4, 1);
    layout->setColumnStretch(1, 1);

    connect(m_useBacking, &QCheckBox::toggled, this, &CreateWizardBackingPage::check);
    connect(m_path, &QLineEdit::textChanged, this, &CreateWizardBackingPage::check);
    connect(m_browse, &QPushButton::clicked, this, &CreateWizardBackingPage::browse);
    connect(&m_watcher, &QFutureWatcher<Result<QList<BackingLayer>>>::finished, this, &CreateWizardBackingPage::probed);
    check();
}

bool CreateWizardBackingPage::hasBackingFile() const
{
    return m_useBacking->isChecked();
}

QString CreateWizardBackingPage::backingPath() const
{
    return hasBackingFile() ? FileIdentity::absolutePath(m_path->text().trimmed()) : QString();
}

bool CreateWizardBackingPage::isComplete() const
{
    return m_problem.isEmpty() && m_probingPath.isEmpty();
}

bool CreateWizardBackingPage::validatePage()
{
    check(); // files may have changed since the last edit
    return isComplete();
}

void CreateWizardBackingPage::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the Backing File"), QFileInfo(backingPath()).absolutePath(),
                                                      tr("Disk images (*.raw *.img *.bin *.qcow2 *.vmdk *.vhdx *.vhd *.vdi);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(path));
}

void CreateWizardBackingPage::check()
{
    const bool use = m_useBacking->isChecked();
    m_path->setEnabled(use);
    m_browse->setEnabled(use);
    m_format.clear();
    m_sizeBytes = 0;
    m_problem.clear();
    m_problemRule = 0;
    m_probingPath.clear();
    m_info->clear();

    if (use) {
        const QString path = backingPath();
        const QFileInfo info(path);
        // R16/R20: the backing file, decided as `addcow create` decides it (checkCreateBacking).
        const Result<void> usable = path.isEmpty() ? Result<void>() : checkCreateBacking({QFile::encodeName(QFileInfo(path).fileName()), path});
        if (path.isEmpty()) {
            m_problem = tr("Choose the backing file, or uncheck “Use a backing file”.");
        } else if (!usable) {
            m_problem = problemText(usable.error());
            m_problemRule = usable.error().rule;
        } else {
            // Probing reads a few bytes; only ever done while creating (R9). A raw file needs
            // nothing more; any other format goes to QEMU, off the GUI thread.
            const Result<QByteArray> probed = probeFormat(path);
            if (!probed) {
                m_problem = errorText(probed.error());
            } else if (probed.value() == "raw") {
                // R20: a raw disk's size is its file's, read as create reads it (a block device's
                // st_size is 0).
                const qint64 sizeBytes = FileIo::fileSizeAt(path);
                if (sizeBytes < 0)
                    m_problem = errorText(Error::fromErrno(path, u"cannot read the size of the backing file"_s));
                else
                    showBacking({{path, "raw", quint64(sizeBytes), quint64(sizeBytes), {}, false}});
            } else if (path == m_probedPath && info.lastModified() == m_probedTime && quint64(info.size()) == m_probedFileBytes) {
                showBacking(m_probedChain); // Next checks again: QEMU's answer for this file stands
            } else {
                m_probingPath = path;
                m_info->setText(tr("Format: %1 (probed); asking QEMU about it…").arg(QString::fromLatin1(probed.value())));
                const QByteArray format = probed.value();
                m_watcher.setFuture(QtConcurrent::run([path, format] {
                    return QemuImg::describeForCreate(path, format);
                }));
            }
        }
    }
    m_message->setProblem(m_problem, m_problemRule);
    Q_EMIT completeChanged();
}

void CreateWizardBackingPage::probed()
{
    // Only the answer for the path still shown counts.
    if (m_probingPath.isEmpty() || m_probingPath != backingPath() || !m_useBacking->isChecked())
        return;
    const Result<QList<BackingLayer>> chain = m_watcher.result();
    if (chain) {
        const QFileInfo info(m_probingPath);
        m_probedPath = m_probingPath;
        m_probedTime = info.lastModified();
        m_probedFileBytes = quint64(info.size());
        m_probedChain = chain.value();
        showBacking(chain.value());
    } else {
        m_info->clear();
        m_problem = errorText(chain.error());
        m_problemRule = 9; // R9: QEMU must read the backing file as its format
    }
    m_probingPath.clear();
    m_message->setProblem(m_problem, m_problemRule);
    Q_EMIT completeChanged();
}

void CreateWizardBackingPage::showBacking(const QList<BackingLayer> &chain)
{
    const BackingLayer &top = chain.constFirst();
    m_format = top.format;
    m_sizeBytes = top.virtualSizeBytes; // R20: the disk's size, not the file's
    QString text = top.format == "raw" ? tr("Format: raw (probed)\nSize: %1").arg(SizeParser::formatHumanWithBytes(m_sizeBytes))
                                       : tr("Format: %1 (probed by QEMU, read through it)\nVirtual size: %2 (the file holds %3)")
                                             .arg(QString::fromLatin1(m_format), SizeParser::formatHumanWithBytes(m_sizeBytes),
                                                  SizeParser::formatHuman(top.actualSizeBytes));
    for (qsizetype i = 1; i < chain.size(); ++i)
        text += u'\n' + tr("Backed by: %1 (%2)").arg(chain.at(i).fileName, QString::fromLatin1(chain.at(i).format));
    m_info->setText(text);
}

} // namespace AddCow
