#include "base/build_id.h"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>

#include <cstring>
#include <string>

namespace skiff {
namespace {

// dl_iterate_phdr visits the main program first; its PT_NOTE segments hold
// the NT_GNU_BUILD_ID note.
int find_build_id(struct dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_NOTE) continue;
    const auto* at = reinterpret_cast<const unsigned char*>(info->dlpi_addr + segment.p_vaddr);
    const unsigned char* end = at + segment.p_memsz;
    while (at + sizeof(ElfW(Nhdr)) <= end) {
      ElfW(Nhdr) note;
      std::memcpy(&note, at, sizeof note);
      const unsigned char* name = at + sizeof note;
      const unsigned char* desc = name + ((note.n_namesz + 3) & ~3u);
      if (desc + note.n_descsz > end) break;
      if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        for (unsigned k = 0; k < note.n_descsz; ++k) {
          out->push_back("0123456789abcdef"[desc[k] >> 4]);
          out->push_back("0123456789abcdef"[desc[k] & 15]);
        }
        return 1;
      }
      at = desc + ((note.n_descsz + 3) & ~3u);
    }
  }
  return 1;  // only the first object (the program) is ours
}

}  // namespace

std::string program_build_id() {
  std::string id;
  dl_iterate_phdr(find_build_id, &id);
  return id;
}

namespace {

void add_stamp(std::string& out, const char* path) {
  struct stat st;
  if (::stat(path, &st) != 0) return;
  out += path;
  out += ' ' + std::to_string(st.st_size) + ' ' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec) + '\n';
}

int add_library(struct dl_phdr_info* info, std::size_t, void* data) {
  // The program itself has an empty name; the kernel's vDSO has no file.
  if (info->dlpi_name != nullptr && info->dlpi_name[0] == '/') add_stamp(*static_cast<std::string*>(data), info->dlpi_name);
  return 0;
}

}  // namespace

std::string program_identity() {
  std::string out = program_build_id();
  if (out.empty()) add_stamp(out, "/proc/self/exe");
  out += '\n';
  dl_iterate_phdr(add_library, &out);
  return out;
}

}  // namespace skiff
