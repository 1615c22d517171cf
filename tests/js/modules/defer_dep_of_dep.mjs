console.log('defer_dep_of_dep evaluated');
