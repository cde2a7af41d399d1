// The repository root, passed to whole-site tests as their one argument
// (`test(..., args : ['--', meson.project_source_root()])`).
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace skiff::testing {

inline std::filesystem::path source_root() {
  auto& suite = boost::unit_test::framework::master_test_suite();
  return suite.argc > 1 ? std::filesystem::path(suite.argv[1]) : std::filesystem::current_path();
}

}  // namespace skiff::testing
