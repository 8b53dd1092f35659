# SPDX-FileCopyrightText: 2026 AddCow Studio authors
# SPDX-License-Identifier: GPL-2.0-or-later

# CPack: `cpack -G DEB` in the build directory makes addcow-studio_VERSION_ARCH.deb, which
# installs with `apt-get install ./addcow-studio_*.deb`. The Qt libraries it needs are found
# by dpkg-shlibdeps; plugins Qt loads at run time are listed by hand.

set(CPACK_PACKAGE_NAME addcow-studio)
set(CPACK_PACKAGE_VENDOR "AddCow Studio authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Inspect, check and edit add-cow disk images")
set(CPACK_PACKAGE_DESCRIPTION "AddCow Studio shows the header of an add-cow disk image with every rule it breaks, \
the copy-on-write bitmap as a zoomable map and the backing file, image file and virtual disk side by side; \
it creates, commits and verifies images as cancellable jobs. The addcow command-line tool does the same without a window.")
set(CPACK_PACKAGE_CONTACT "AddCow Studio authors")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
if(NOT CPACK_GENERATOR)
    set(CPACK_GENERATOR DEB)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The xcb/wayland platform plugins and the SVG icon engine are loaded at run time, so
# dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6")
# nbdkit loads the addcow plugin for 'addcow serve' and the app's Serve job; libnbd reads non-raw backing files.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qemu-utils, libnbd0, nbdkit")

include(CPack)
