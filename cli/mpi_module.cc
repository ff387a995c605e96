// Loading the MPI module; see mpi_module.h.
#include "cli/mpi_module.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace choreo::cli {

namespace {

// Why `path` is not a usable module, or the empty string when *module is set.
std::string open_module(const std::filesystem::path& path, const MpiModule** module) {
  // RTLD_GLOBAL: OpenMPI's own components (the mca_*.so plugins OpenMPI
  // dlopens during MPI_Init) do not link libmpi or libopen-pal themselves
  // (Debian's mca_pml_ob1.so needs only libc): they find those symbols in
  // the global scope, so the libraries the module pulls in must be global.
  // Debian's OpenMPI 4.1.4 happens to start with RTLD_LOCAL as well; other
  // builds need not.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_GLOBAL);
  if (handle == nullptr) {
    std::string why = dlerror();
    // dlerror() usually starts with the path already.
    if (why.starts_with(path.string() + ": ")) why.erase(0, path.string().size() + 2);
    return why;
  }
  using Entry = const MpiModule* (*)();
  const auto entry = reinterpret_cast<Entry>(dlsym(handle, kMpiModuleEntry));
  if (entry == nullptr) {
    dlclose(handle);
    return fmt::format("not a choreo MPI module (no {}())", kMpiModuleEntry);
  }
  const MpiModule* table = entry();
  if (table->abi != kMpiModuleAbi) {
    const int abi = table->abi;
    dlclose(handle);
    return fmt::format("built for MPI module interface {}, this choreo uses {} (install both from one build)",
                       abi, kMpiModuleAbi);
  }
  *module = table;  // never dlclosed: the sweep calls into it until the process ends
  return "";
}

}  // namespace

const MpiModule* load_mpi_module(std::string& error) {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    error = "cannot find choreo's own directory (/proc/self/exe: " + ec.message() + ")";
    return nullptr;
  }
  const std::filesystem::path dir = exe.parent_path();
  const std::filesystem::path places[] = {
      dir / CHOREO_MPI_MODULE_FILE,
      (dir / CHOREO_MPI_MODULE_INSTALL_DIR / CHOREO_MPI_MODULE_FILE).lexically_normal(),
  };
  error = "cannot load the MPI module:";
  const char* separator = " ";
  for (const auto& path : places) {
    const MpiModule* module = nullptr;
    const std::string why = open_module(path, &module);
    if (module != nullptr) return module;
    error += fmt::format("{}{}: {}", separator, path.string(), why);
    separator = "; ";
  }
  return nullptr;
}

}  // namespace choreo::cli
